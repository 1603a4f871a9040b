package org.eticket.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.eticket.platform.Identified;

/** A ticket seller: a sales agent or a fan club (C5, Fig 23). */
@Entity
public class Seller extends Identified {

    public enum Kind { AGENT, FAN_CLUB }

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(length = 254)
    private String email;

    @Column(length = 500)
    private String address;

    protected Seller() {
    }

    public Seller(String code, String name, Kind kind) {
        this.code = code;
        this.name = name;
        this.kind = kind;
    }

    public String getCode() { return code; }

    public void setCode(String code) { this.code = code; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public Kind getKind() { return kind; }

    public void setKind(Kind kind) { this.kind = kind; }

    public String getEmail() { return email; }

    public void setEmail(String email) { this.email = email; }

    public String getAddress() { return address; }

    public void setAddress(String address) { this.address = address; }
}
