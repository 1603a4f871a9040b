package org.eticket.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eticket.catalog.Performance;
import org.eticket.platform.Identified;

/**
 * A seller's request to give seats of a performance back to the organizer (C8, Fig 16): one
 * seat or a batch, decided as a whole. While it is open its seats are
 * {@link org.eticket.ticket.TicketState#RETURN_REQUESTED}; accepted, they are returned and may
 * be allocated to another seller; refused, they stay in the seller's stock. Who asked and who
 * decided, and when, are kept here; each seat's moves are in the journal.
 */
@Entity
@Table(indexes = @Index(name = "RETURN_PERF_STATE", columnList = "PERFORMANCE_ID, STATE"))
public class ReturnRequest extends Identified {

    public enum State { REQUESTED, ACCEPTED, REFUSED }

    @ManyToOne(optional = false)
    private Performance performance;

    @ManyToOne(optional = false)
    private Seller seller;

    /** The seats asked for, normalized ranges. */
    @Lob
    @Column(nullable = false)
    private String seatRanges;

    private int seatCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state = State.REQUESTED;

    @Column(length = 500)
    private String reason;

    @Column(nullable = false)
    private Instant requestedAt;

    @Column(nullable = false, length = 100)
    private String requestedBy;

    private Instant decidedAt;

    @Column(length = 100)
    private String decidedBy;

    @Column(length = 500)
    private String decisionNote;

    protected ReturnRequest() {
    }

    ReturnRequest(Performance performance, Seller seller, String seatRanges, int seatCount, String reason,
                  Instant requestedAt, String requestedBy) {
        this.performance = performance;
        this.seller = seller;
        this.seatRanges = seatRanges;
        this.seatCount = seatCount;
        this.reason = reason;
        this.requestedAt = requestedAt;
        this.requestedBy = requestedBy;
    }

    void decide(State decision, Instant at, String by, String note) {
        this.state = decision;
        this.decidedAt = at;
        this.decidedBy = by;
        this.decisionNote = note;
    }

    public Performance getPerformance() { return performance; }

    public Seller getSeller() { return seller; }

    public String getSeatRanges() { return seatRanges; }

    public int getSeatCount() { return seatCount; }

    public State getState() { return state; }

    public String getReason() { return reason; }

    public Instant getRequestedAt() { return requestedAt; }

    public String getRequestedBy() { return requestedBy; }

    public Instant getDecidedAt() { return decidedAt; }

    public String getDecidedBy() { return decidedBy; }

    public String getDecisionNote() { return decisionNote; }
}
