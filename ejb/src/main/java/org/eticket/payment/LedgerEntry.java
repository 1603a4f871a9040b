package org.eticket.payment;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eticket.platform.RandomId;
import org.eticket.platform.InstantConverter;

/**
 * One movement of an account, signed (credit positive); entries are never edited. Written by
 * the account's id, so a movement never needs the account loaded; not in the shared cache, as
 * entries are only ever summed and listed by queries.
 */
@Cacheable(false)
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

    /** For queries (e.account.kind); the entry is written by {@link #accountId}. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "ACCOUNT_ID", insertable = false, updatable = false)
    private LedgerAccount account;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private Long accountId;

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

    LedgerEntry(Long accountId, Instant at, long amount, Reason reason, Long orderId, String reference) {
        this.accountId = accountId;
        this.at = at;
        this.amount = amount;
        this.reason = reason;
        this.orderId = orderId;
        this.reference = reference;
    }

    public Long getId() { return id; }

    public Long getAccountId() { return accountId; }

    public Instant getAt() { return at; }

    public long getAmount() { return amount; }

    public Reason getReason() { return reason; }

    public Long getOrderId() { return orderId; }

    public String getReference() { return reference; }
}
