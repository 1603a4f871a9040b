package org.eticket.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/**
 * One line of the center's append-only journal (design §5-§6, C35): every change of a
 * ticket's state and every sale. It refers to the records by id only, so that it reads
 * the same after the records change, and it has no setters: entries are never edited.
 */
@Entity
@Table(indexes = {@Index(name = "JOURNAL_TICKET", columnList = "TICKETID"),
        @Index(name = "JOURNAL_PERFORMANCE", columnList = "PERFORMANCEID, KIND"),
        @Index(name = "JOURNAL_SELLER", columnList = "SELLERID, KIND")})
public class JournalEntry {

    public enum Kind {
        /** A ticket changed state (from, to). */
        TICKET,
        /** A sale reported to the sales journal, with its amount (C35, Fig 18). */
        SALE,
        /** Money going back to a buyer. */
        REFUND,
        /** A chip was registered to a holder, reported lost or blocked (the chip's UID is in {@link #chipUid}). */
        CHIP
    }

    /**
     * From a sequence of its own, drawn a thousand at a time: a journal entry is written with
     * every ticket move and sale, and the sequence row stays locked until the transaction that
     * drew from it commits, so with the masters' shared sequence (50 at a time) concurrent
     * sales queued behind each other's commits. Starts above the shared sequence's values, so
     * on a database that already has entries the order of ids is still the order of writing.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "JOURNAL")
    @TableGenerator(name = "JOURNAL", table = "SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "JOURNAL", initialValue = 1_000_000_000, allocationSize = 1000)
    private Long id;

    /** When it happened ({@code AT} is a reserved word in Derby and SQL). */
    @Column(name = "RECORDED_AT", nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    private Long ticketId;

    private Long performanceId;

    private Long sellerId;

    private Long orderId;

    @Column(length = 14)
    private String chipUid;

    @Column(length = 20)
    private String fromState;

    @Column(length = 20)
    private String toState;

    /** Money in minor units of {@link #currency}; 0 for entries that move no money. */
    private long amount;

    @Column(length = 3)
    private String currency;

    /** The signed-in user, or the system part that acted (e.g. {@code system:hold-expiry}). */
    @Column(nullable = false, length = 100)
    private String actor;

    @Column(length = 500)
    private String detail;

    protected JournalEntry() {
    }

    JournalEntry(Instant at, Kind kind, String actor) {
        this.at = at;
        this.kind = kind;
        this.actor = actor;
    }

    JournalEntry ticket(Long ticketId, Long performanceId, Long sellerId) {
        this.ticketId = ticketId;
        this.performanceId = performanceId;
        this.sellerId = sellerId;
        return this;
    }

    JournalEntry states(String from, String to) {
        this.fromState = from;
        this.toState = to;
        return this;
    }

    JournalEntry money(Long orderId, long amount, String currency) {
        this.orderId = orderId;
        this.amount = amount;
        this.currency = currency;
        return this;
    }

    JournalEntry chip(String uid) {
        this.chipUid = uid;
        return this;
    }

    JournalEntry detail(String detail) {
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
        return this;
    }

    public Long getId() { return id; }

    public Instant getAt() { return at; }

    public Kind getKind() { return kind; }

    public Long getTicketId() { return ticketId; }

    public Long getPerformanceId() { return performanceId; }

    public Long getSellerId() { return sellerId; }

    public Long getOrderId() { return orderId; }

    public String getChipUid() { return chipUid; }

    public String getFromState() { return fromState; }

    public String getToState() { return toState; }

    public long getAmount() { return amount; }

    public String getCurrency() { return currency; }

    public String getActor() { return actor; }

    public String getDetail() { return detail; }
}
