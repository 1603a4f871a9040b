package org.eticket.card;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eticket.platform.Identified;

/**
 * A chip the platform personalized: its UID (assigned by the center, so unique) and the master key
 * version its keys derive from. Only such chips can be registered: the center can authenticate
 * them. The keys themselves are never stored (they derive from master key and UID).
 */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(name = "PERSONALIZED_CHIP")
public class PersonalizedChip extends Identified {

    @Column(name = "UID", nullable = false, unique = true, length = 14)
    private String uid;

    @Column(nullable = false)
    private int keyVersion;

    @Column(nullable = false)
    private Instant personalizedAt;

    protected PersonalizedChip() {
    }

    public PersonalizedChip(String uid, int keyVersion, Instant personalizedAt) {
        this.uid = uid;
        this.keyVersion = keyVersion;
        this.personalizedAt = personalizedAt;
    }

    public String getUid() { return uid; }

    public int getKeyVersion() { return keyVersion; }

    public Instant getPersonalizedAt() { return personalizedAt; }
}
