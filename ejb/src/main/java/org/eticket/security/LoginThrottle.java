package org.eticket.security;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Consecutive failed logins of one account, kept in the database so every instance throttles alike. */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(name = "LOGIN_THROTTLE")
public class LoginThrottle {

    @Id
    @Column(length = 64)
    private String username;

    private int failures;

    private Instant lockedUntil;

    @Version
    private long version;

    protected LoginThrottle() {
    }

    LoginThrottle(String username) {
        this.username = username;
    }

    int getFailures() { return failures; }

    Instant getLockedUntil() { return lockedUntil; }

    void failed(Instant lockedUntil) {
        failures++;
        this.lockedUntil = lockedUntil;
    }
}
