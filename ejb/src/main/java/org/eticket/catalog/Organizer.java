package org.eticket.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.eticket.platform.Identified;

/** An event organizer, registered by the platform (C1, Fig 24). */
@Entity
public class Organizer extends Identified {

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 500)
    private String address;

    @Column(length = 254)
    private String email;

    @Column(length = 50)
    private String phone;

    protected Organizer() {
    }

    public Organizer(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() { return code; }

    public void setCode(String code) { this.code = code; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public String getAddress() { return address; }

    public void setAddress(String address) { this.address = address; }

    public String getEmail() { return email; }

    public void setEmail(String email) { this.email = email; }

    public String getPhone() { return phone; }

    public void setPhone(String phone) { this.phone = phone; }
}
