package org.eticket.keys;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One key in the key store, sealed under the key-encryption key (AES-256-GCM, bound to its
 * purpose, scope, generation and key ID so rows cannot be swapped). A scope's current key is its
 * highest generation; older generations stay to verify what they signed. Rows are never changed.
 */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(name = "STORED_KEY", uniqueConstraints = {
        @UniqueConstraint(name = "STORED_KEY_GENERATION", columnNames = {"PURPOSE", "SCOPE", "GENERATION"})})
public class StoredKey {

    public enum Purpose {
        /** AES-128 platform master key; chip write and authentication keys derive from it (AN10922). */
        PLATFORM_MASTER,
        /** Ed25519 private key of an event, signs its ticket records. */
        EVENT_SIGNING,
        /** 32-byte secret of an event, seals the personal part per chip (HKDF + AES-GCM). */
        EVENT_PERSONAL_DATA
    }

    public static final String PLATFORM_SCOPE = "platform";

    @Id
    @GeneratedValue
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "PURPOSE", nullable = false, length = 24)
    private Purpose purpose;

    @Column(name = "SCOPE", nullable = false, length = 40)
    private String scope;

    @Column(name = "GENERATION", nullable = false)
    private int generation;

    /** Public: the master key version, or the event key's fingerprint ID that records name. */
    @Column(name = "KEY_ID", nullable = false, length = 16)
    private String keyId;

    /** Public fingerprint of the KEK that sealed this key. */
    @Column(name = "KEK_ID", nullable = false, length = 16)
    private String kekId;

    @Column(name = "SEALED_KEY", nullable = false, length = 96)
    private byte[] sealedKey;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected StoredKey() {
    }

    StoredKey(Purpose purpose, String scope, int generation, String keyId, String kekId, byte[] sealedKey, Instant createdAt) {
        this.purpose = purpose;
        this.scope = scope;
        this.generation = generation;
        this.keyId = keyId;
        this.kekId = kekId;
        this.sealedKey = sealedKey.clone();
        this.createdAt = createdAt;
    }

    public static String eventScope(Long eventId) {
        return "event:" + eventId;
    }

    public Long getId() { return id; }

    public Purpose getPurpose() { return purpose; }

    public String getScope() { return scope; }

    public int getGeneration() { return generation; }

    public String getKeyId() { return keyId; }

    public String getKekId() { return kekId; }

    byte[] getSealedKey() { return sealedKey.clone(); }

    public Instant getCreatedAt() { return createdAt; }

    @Override
    public String toString() {
        return "StoredKey[" + purpose + " " + scope + " generation " + generation + ", id " + keyId + "]";
    }
}
