package org.eticket.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eticket.platform.RandomId;
import org.eticket.platform.InstantConverter;

/** One movement of an account, signed (credit positive); entries are never edited. */
@Entity
@Table(indexes = @Index(name = "LEDGER_ENTRY_ACCOUNT", columnList = "ACCOUNT_ID"))
public class LedgerEntry {

    public enum Reason {
        /** E-money bought with a card. */
        TOP_UP,
        /** Spent on an order. */
        PURCHASE,
        /** Points earned on an order. */
        EARNED,
        /** Given back with a refunded order. */
        REFUND
    }

    @Id
    private Long id = RandomId.next();

    @ManyToOne(optional = false)
    private LedgerAccount account;

    @Column(name = "RECORDED_AT", nullable = false) // AT is reserved in Derby
    @Convert(converter = InstantConverter.class)
    private Instant at;

    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Reason reason;

    private Long orderId;

    /** The acquirer's reference for a top-up. */
    @Column(length = 40)
    private String reference;

    protected LedgerEntry() {
    }

    LedgerEntry(LedgerAccount account, Instant at, long amount, Reason reason, Long orderId, String reference) {
        this.account = account;
        this.at = at;
        this.amount = amount;
        this.reason = reason;
        this.orderId = orderId;
        this.reference = reference;
    }

    public Long getId() { return id; }

    public LedgerAccount getAccount() { return account; }

    public Instant getAt() { return at; }

    public long getAmount() { return amount; }

    public Reason getReason() { return reason; }

    public Long getOrderId() { return orderId; }

    public String getReference() { return reference; }
}
