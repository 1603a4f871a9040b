package org.eticket.terminal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import org.eticket.catalog.Venue;
import org.eticket.platform.Identified;

/**
 * A reader terminal as the center knows it. An administrator registers it (kind, place,
 * venue or store); it then enrolls once with a one-time code and gets its certificate.
 * The adapter admits a connection only with the current, unrevoked certificate; the
 * registry records where (which instance) the terminal is connected and the last event
 * sequence delivered from it.
 */
// Not in the shared cache: its connection, owning instance and revocation are changed by whichever
// instance the terminal or an admin reaches; a stale copy here would route or admit wrongly.
@Cacheable(false)
@Entity
@NamedQuery(name = "Terminal.byTerminalId", query = "select t from Terminal t where t.terminalId = :terminalId")
public class Terminal extends Identified {

    @Column(nullable = false, unique = true, length = 64)
    private String terminalId;

    @Column(length = 16)
    @Enumerated(EnumType.STRING)
    private TerminalKind kind;

    @Column(length = 200)
    private String place;

    @ManyToOne
    private Venue venue;

    @ManyToOne
    private org.eticket.sales.Store store;

    /** SHA-256 of the one-time enrollment code, hex; null once used. The code itself is never stored. */
    @Column(length = 64)
    private String enrollmentCodeHash;

    private Instant enrollmentExpires;

    @Column(length = 40)
    private String certificateSerial;

    private Instant certificateNotAfter;

    private Instant revokedAt;

    @Column(length = 300)
    private String revocationReason;

    private boolean online;

    private Instant lastSeen;

    @Column(length = 100)
    private String lastAddress;

    @Column(length = 300)
    private String lastDisconnectReason;

    /** The platform instance whose adapter holds the connection (connector/README.md, "Several instances"). */
    @Column(length = 200)
    private String instanceId;

    private long lastEventSequence;

    @Column(length = 32)
    private String lastChipUid;

    protected Terminal() {
    }

    public Terminal(String terminalId) {
        this.terminalId = terminalId;
    }

    public String getTerminalId() { return terminalId; }

    public TerminalKind getKind() { return kind; }

    public String getPlace() { return place; }

    public Venue getVenue() { return venue; }

    public org.eticket.sales.Store getStore() { return store; }

    public boolean isOnline() { return online; }

    public Instant getLastSeen() { return lastSeen; }

    public String getLastAddress() { return lastAddress; }

    public String getLastDisconnectReason() { return lastDisconnectReason; }

    public String getInstanceId() { return instanceId; }

    public long getLastEventSequence() { return lastEventSequence; }

    public String getLastChipUid() { return lastChipUid; }

    public String getCertificateSerial() { return certificateSerial; }

    public Instant getCertificateNotAfter() { return certificateNotAfter; }

    public Instant getRevokedAt() { return revokedAt; }

    public String getRevocationReason() { return revocationReason; }

    public Instant getEnrollmentExpires() { return enrollmentExpires; }

    public boolean isRegistered() { return kind != null; }

    public boolean isEnrolled() { return certificateSerial != null; }

    void register(TerminalKind kind, String place, Venue venue, org.eticket.sales.Store store) {
        this.kind = kind;
        this.place = place;
        this.venue = venue;
        this.store = store;
    }

    void enrollmentCode(String hash, Instant expires) {
        this.enrollmentCodeHash = hash;
        this.enrollmentExpires = expires;
    }

    String enrollmentCodeHash() { return enrollmentCodeHash; }

    /** The code is used up and the new certificate replaces any earlier one (which is no longer admitted). */
    void enrolled(String serial, Instant notAfter) {
        enrollmentCodeHash = null;
        enrollmentExpires = null;
        certificateSerial = serial;
        certificateNotAfter = notAfter;
        revokedAt = null;
        revocationReason = null;
    }

    void revoke(Instant at, String reason) {
        revokedAt = at;
        revocationReason = reason;
        enrollmentCodeHash = null;
        enrollmentExpires = null;
    }

    void cameOnline(Instant at, String address, String instance) {
        online = true;
        lastSeen = at;
        lastAddress = address;
        instanceId = instance;
        lastDisconnectReason = null;
    }

    void wentOffline(Instant at, String reason) {
        online = false;
        lastSeen = at;
        lastDisconnectReason = reason;
    }

    void delivered(Instant at, long sequence, String chipUid) {
        lastSeen = at;
        lastEventSequence = sequence;
        if (chipUid != null) {
            lastChipUid = chipUid;
        }
    }
}
