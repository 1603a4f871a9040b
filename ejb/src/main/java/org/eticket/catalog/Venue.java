package org.eticket.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import org.eticket.platform.Identified;

/**
 * A venue (C2, Fig 25). Venues are shared: every organizer may hold events there. The
 * organizer who registered it (or the platform) maintains it.
 */
@Entity
public class Venue extends Identified {

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 500)
    private String address;

    /** Null when the platform registered it. */
    @ManyToOne
    private Organizer registeredBy;

    protected Venue() {
    }

    public Venue(String code, String name, Organizer registeredBy) {
        this.code = code;
        this.name = name;
        this.registeredBy = registeredBy;
    }

    public String getCode() { return code; }

    public void setCode(String code) { this.code = code; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public String getAddress() { return address; }

    public void setAddress(String address) { this.address = address; }

    public Organizer getRegisteredBy() { return registeredBy; }
}
