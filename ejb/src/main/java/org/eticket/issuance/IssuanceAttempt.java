package org.eticket.issuance;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eticket.card.Chip;
import org.eticket.platform.Identified;
import org.eticket.ticket.Ticket;

/**
 * One try to write a ticket to a chip. Its state is in the database, so every step may run on a
 * different instance. {@code writeAuthorized} stays true once the center gave out a MACed write:
 * from then on the chip may hold the ticket even if no answer came back, so the ticket is pinned
 * to that chip until the write is confirmed, the chip has confirmed another write with the same
 * or a later counter (so this one can never execute), or the chip is reported lost or blocked.
 */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(name = "ISSUANCE_ATTEMPT", indexes = @Index(name = "ISSUANCE_TICKET", columnList = "TICKET_ID, STATE"))
public class IssuanceAttempt extends Identified {

    public enum State {
        /** Challenge sent, waiting for the chip's answer. */
        CHALLENGED,
        /** Chip authenticated, MACed write handed out, waiting for the chip's answer and the read-back. */
        WRITE_AUTHORIZED,
        /** Write confirmed: the ticket is ISSUED to the chip. */
        COMPLETED,
        /** Refused, interrupted or abandoned; the ticket was not changed. */
        FAILED,
        /** A newer attempt for the same ticket and chip replaced it. */
        SUPERSEDED
    }

    @ManyToOne(optional = false)
    private Ticket ticket;

    @ManyToOne(optional = false)
    private Chip chip;

    @Column(nullable = false, length = 64)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 16)
    private State state;

    @Column(nullable = false, length = 8)
    private byte[] challenge;

    @Column(nullable = false)
    private Instant expiresAt;

    private boolean writeAuthorized;

    /** The chip write counter the MACed write carries; the chip executes it only while its counter is one below. */
    private Long writeCounter;

    /** The MACed WRITE TICKET APDU; not secret (a terminal relays it), kept to check the chip's answer. */
    @Column(length = 8192)
    private byte[] command;

    /** The center's challenge for the chip's proof of its state while settling this write (PROVE TICKET); used once. */
    @Column(length = 8)
    private byte[] settlementChallenge;

    private Instant settlementExpiresAt;

    @Column(length = 500)
    private String detail;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant endedAt;

    protected IssuanceAttempt() {
    }

    IssuanceAttempt(Ticket ticket, Chip chip, String requestedBy, byte[] challenge, Instant now, Instant expiresAt) {
        this.ticket = ticket;
        this.chip = chip;
        this.requestedBy = requestedBy;
        this.challenge = challenge.clone();
        this.state = State.CHALLENGED;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    void authorizeWrite(byte[] command, long writeCounter) {
        this.command = command.clone();
        this.writeCounter = writeCounter;
        this.writeAuthorized = true;
        this.state = State.WRITE_AUTHORIZED;
    }

    void challengeSettlement(byte[] challenge, Instant expiresAt) {
        this.settlementChallenge = challenge.clone();
        this.settlementExpiresAt = expiresAt;
    }

    /** The open settlement challenge, used up by this call; null when there is none or it expired. */
    byte[] takeSettlementChallenge(Instant now) {
        byte[] challenge = settlementChallenge;
        boolean valid = challenge != null && settlementExpiresAt != null && !now.isAfter(settlementExpiresAt);
        settlementChallenge = null;
        settlementExpiresAt = null;
        return valid ? challenge.clone() : null;
    }

    void end(State state, String detail, Instant now) {
        this.state = state;
        this.detail = detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail;
        this.endedAt = now;
    }

    boolean isOpen() {
        return state == State.CHALLENGED || state == State.WRITE_AUTHORIZED;
    }

    public Ticket getTicket() { return ticket; }

    public Chip getChip() { return chip; }

    public String getRequestedBy() { return requestedBy; }

    public State getState() { return state; }

    byte[] getChallenge() { return challenge.clone(); }

    public Instant getExpiresAt() { return expiresAt; }

    public boolean isWriteAuthorized() { return writeAuthorized; }

    public Long getWriteCounter() { return writeCounter; }

    byte[] getCommand() { return command == null ? null : command.clone(); }

    public String getDetail() { return detail; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getEndedAt() { return endedAt; }

    @Override
    public String toString() {
        return "IssuanceAttempt[" + getId() + ", " + state + "]";
    }
}
