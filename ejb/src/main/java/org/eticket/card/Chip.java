package org.eticket.card;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eticket.allocation.Seller;
import org.eticket.platform.ConflictException;
import org.eticket.platform.Identified;
import org.eticket.sales.Customer;
import org.eticket.sales.Store;

/**
 * A registered information storage chip: its unique ID, its holder, the seller or store that
 * issued it (as a membership card, C10) and its state. Only an ACTIVE chip receives tickets;
 * LOST and BLOCKED are final, because a found card may have been copied meanwhile.
 */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(name = "CHIP")
@NamedQuery(name = "Chip.byUid", query = "select c from Chip c where c.uid = :uid")
public class Chip extends Identified {

    public enum State { ACTIVE, LOST, BLOCKED }

    /** 14 upper-case hex digits, as {@code ChipUid.toString()} prints them. */
    @Column(name = "UID", nullable = false, unique = true, length = 14)
    private String uid;

    @ManyToOne(optional = false)
    private Customer holder;

    @ManyToOne
    private Seller issuedBySeller;

    @ManyToOne
    private Store issuedByStore;

    /** The holder's membership number with the issuing seller, when the chip is a membership card. */
    @Column(length = 24)
    private String membershipNumber;

    /** Master key version the chip was personalized with (from its SELECT answer). */
    @Column(nullable = false)
    private int keyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private State state;

    @Column(nullable = false)
    private Instant registeredAt;

    private Instant stateChangedAt;

    @Column(length = 200)
    private String stateReason;

    protected Chip() {
    }

    public Chip(String uid, int keyVersion, Customer holder, Seller issuedBySeller, Store issuedByStore,
                String membershipNumber, Instant now) {
        this.uid = uid;
        this.keyVersion = keyVersion;
        this.holder = holder;
        this.issuedBySeller = issuedBySeller;
        this.issuedByStore = issuedByStore;
        this.membershipNumber = membershipNumber;
        this.state = State.ACTIVE;
        this.registeredAt = now;
    }

    /** The holder reports it lost: no more tickets go to it. */
    public void reportLost(String reason, Instant now) {
        leaveActive(State.LOST, reason, now);
    }

    /** The issuer or the platform blocks it (fraud, a copy seen at the gate). */
    public void block(String reason, Instant now) {
        leaveActive(State.BLOCKED, reason, now);
    }

    /** Refuses issuance to a chip that is not ACTIVE (a lost or blocked card gets nothing new). */
    public void requireActive() {
        if (state != State.ACTIVE) {
            throw new ConflictException("chip " + uid + " is " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + " and receives no tickets");
        }
    }

    private void leaveActive(State next, String reason, Instant now) {
        if (state != State.ACTIVE) {
            throw new ConflictException("chip " + uid + " is already " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        state = next;
        stateReason = reason;
        stateChangedAt = now;
    }

    public String getUid() { return uid; }

    public Customer getHolder() { return holder; }

    public Seller getIssuedBySeller() { return issuedBySeller; }

    public Store getIssuedByStore() { return issuedByStore; }

    public String getMembershipNumber() { return membershipNumber; }

    public int getKeyVersion() { return keyVersion; }

    public State getState() { return state; }

    public Instant getRegisteredAt() { return registeredAt; }

    public Instant getStateChangedAt() { return stateChangedAt; }

    public String getStateReason() { return stateReason; }

    @Override
    public String toString() {
        return "Chip[" + uid + ", " + state + "]";
    }
}
