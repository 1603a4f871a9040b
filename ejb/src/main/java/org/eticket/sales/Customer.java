package org.eticket.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.LocalDate;
import org.eticket.platform.Identified;

/** A purchaser (the purchaser master of Fig 4). */
@Entity
public class Customer extends Identified {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(length = 50)
    private String phone;

    private LocalDate dateOfBirth;

    protected Customer() {
    }

    public Customer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public String getEmail() { return email; }

    public void setEmail(String email) { this.email = email; }

    public String getPhone() { return phone; }

    public void setPhone(String phone) { this.phone = phone; }

    public LocalDate getDateOfBirth() { return dateOfBirth; }

    public void setDateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; }
}
