package org.eticket.security;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eticket.platform.Identified;

/**
 * A login. One role per account; {@code partyId} names the organizer, seller, store,
 * venue or customer the account acts for (null for the platform admin). The database
 * identity store reads this table directly.
 */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(name = "APP_USER")
@NamedQuery(name = "AppUser.byUsername", query = "select u from AppUser u where u.username = :username")
public class AppUser extends Identified {

    @Column(name = "USERNAME", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "ROLE_NAME", nullable = false, length = 32)
    private String role;

    @Column(name = "PARTY_ID")
    private Long partyId;

    @Column(name = "DISPLAY_NAME", length = 200)
    private String displayName;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String role, Long partyId, String displayName) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.partyId = partyId;
        this.displayName = displayName;
    }

    public String getUsername() { return username; }

    public String getRole() { return role; }

    public Long getPartyId() { return partyId; }

    public String getDisplayName() { return displayName; }

    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
}
