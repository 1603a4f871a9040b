package org.eticket.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.eticket.platform.Identified;

/** A store (kiosk / convenience store) registered by the platform (Fig 23). */
@Entity
public class Store extends Identified {

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 500)
    private String address;

    protected Store() {
    }

    public Store(String code, String name, String address) {
        this.code = code;
        this.name = name;
        this.address = address;
    }

    public String getCode() { return code; }

    public void setCode(String code) { this.code = code; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public String getAddress() { return address; }

    public void setAddress(String address) { this.address = address; }
}
