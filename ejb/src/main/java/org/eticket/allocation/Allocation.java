package org.eticket.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.eticket.catalog.Performance;
import org.eticket.platform.Identified;

/**
 * One registration of seats of a performance to a seller (C6, Figs 29-31): the seats as
 * they were chosen, as ranges. Each seat it covers is a {@link org.eticket.ticket.Ticket}
 * pointing back to it; the tickets, not these ranges, say where a seat is now (it may
 * since have been returned and given to another seller).
 */
@Entity
public class Allocation extends Identified {

    @ManyToOne(optional = false)
    private Performance performance;

    @ManyToOne(optional = false)
    private Seller seller;

    /** The seats as registered, normalized ranges such as {@code A1:AD3, B4}. */
    @Lob
    @Column(nullable = false)
    private String seatRanges;

    private int seatCount;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 100)
    private String createdBy;

    @Column(length = 500)
    private String note;

    protected Allocation() {
    }

    public Allocation(Performance performance, Seller seller, String seatRanges, int seatCount, Instant createdAt,
                      String createdBy) {
        this.performance = performance;
        this.seller = seller;
        this.seatRanges = seatRanges;
        this.seatCount = seatCount;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Performance getPerformance() { return performance; }

    public Seller getSeller() { return seller; }

    public String getSeatRanges() { return seatRanges; }

    public int getSeatCount() { return seatCount; }

    public Instant getCreatedAt() { return createdAt; }

    public String getCreatedBy() { return createdBy; }

    public String getNote() { return note; }

    public void setNote(String note) { this.note = note; }

    /** After a change by the organizer: the seats it holds now. */
    void setSeats(String seatRanges, int seatCount) {
        this.seatRanges = seatRanges;
        this.seatCount = seatCount;
    }
}
