package org.eticket.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.eticket.platform.InstantConverter;
import java.util.Objects;
import org.eticket.allocation.Allocation;
import org.eticket.allocation.Seller;
import org.eticket.card.Chip;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.grid.Cell;
import org.eticket.platform.Identified;
import org.eticket.sales.Customer;
import org.eticket.sales.SalesOrder;

/**
 * One seat of one performance in the electronic ticket master (design §6). The unique
 * key on performance and cell is what makes "a seat is sold at most once" a property of
 * the database, whatever number of instances write to it. State changes go through
 * {@link TicketService#move}, which journals them.
 * Not in the shared (second-level) cache: tickets change by conditional bulk UPDATEs, after
 * which EclipseLink walks and invalidates every cached Ticket (a quarter of the server's CPU
 * in the purchase benchmark), and a per-instance cache is stale for the other instances anyway.
 */
@Cacheable(false)
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "TICKET_SEAT", columnNames = {"PERFORMANCE_ID", "SEAT_ROW", "SEAT_COLUMN"}),
        indexes = {@Index(name = "TICKET_PERF_STATE", columnList = "PERFORMANCE_ID, STATE"),
                @Index(name = "TICKET_SELLER", columnList = "SELLER_ID, STATE"),
                @Index(name = "TICKET_HOLD", columnList = "HOLDID"),
                @Index(name = "TICKET_ORDER", columnList = "SALESORDER_ID")})
public class Ticket extends Identified {

    @ManyToOne(optional = false)
    private Performance performance;

    @Column(name = "SEAT_ROW", nullable = false)
    private int seatRow;

    @Column(name = "SEAT_COLUMN", nullable = false)
    private int seatColumn;

    /** The seat as printed and read out: {@code C3}. */
    @Column(nullable = false, length = 12)
    private String seat;

    @ManyToOne
    private SeatType seatType;

    /** The seller whose stock holds the seat; null once returned to the organizer. */
    @ManyToOne
    private Seller seller;

    /** The registration that put the seat in the current seller's stock. */
    @ManyToOne
    private Allocation allocation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TicketState state;

    /** The buyer who holds the ticket once sold (exactly one holder, design §6). */
    @ManyToOne
    private Customer holder;

    /** Identifies the checkout that holds the seat, while {@link TicketState#HELD}. */
    @Column(length = 36)
    private String holdId;

    @Convert(converter = InstantConverter.class)
    private Instant heldUntil;

    /** The chip the ticket is written to while ISSUED (at most one, design §5). */
    @ManyToOne
    private Chip chip;

    /** The order that sold the seat (C13); set together with {@link #holder}. */
    @ManyToOne
    private SalesOrder salesOrder;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant changedAt;

    protected Ticket() {
    }

    /** A seat entering a seller's stock. */
    public Ticket(Allocation allocation, Cell cell, SeatType seatType, Instant at) {
        this(allocation.getPerformance(), cell, seatType, allocation.getSeller(), at);
        this.allocation = allocation;
    }

    Ticket(Performance performance, Cell cell, SeatType seatType, Seller seller, Instant at) {
        this.performance = Objects.requireNonNull(performance, "performance");
        this.seatRow = cell.row();
        this.seatColumn = cell.column();
        this.seat = cell.label();
        this.seatType = seatType;
        this.seller = Objects.requireNonNull(seller, "seller");
        this.state = TicketState.ALLOCATED;
        this.changedAt = at;
    }

    public Performance getPerformance() { return performance; }

    public Cell getCell() { return Cell.of(seatRow, seatColumn); }

    public String getSeat() { return seat; }

    public SeatType getSeatType() { return seatType; }

    public Seller getSeller() { return seller; }

    public Allocation getAllocation() { return allocation; }

    public TicketState getState() { return state; }

    public Customer getHolder() { return holder; }

    public String getHoldId() { return holdId; }

    public Instant getHeldUntil() { return heldUntil; }

    public SalesOrder getSalesOrder() { return salesOrder; }

    public Instant getChangedAt() { return changedAt; }

    public Chip getChip() { return chip; }

    /** Price of the seat in minor units, from its seat type (0 when the seat has no type). */
    public long price() {
        return seatType == null ? 0 : seatType.getPrice();
    }

    /** Changes the state if the life of a ticket allows it; only {@link TicketService} calls this. */
    void moveTo(TicketState next, Instant at) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("seat " + seat + " is " + state.name().toLowerCase().replace('_', ' ')
                    + " and cannot become " + next.name().toLowerCase().replace('_', ' '));
        }
        if (next != TicketState.HELD) {
            holdId = null;
            heldUntil = null;
        }
        state = next;
        changedAt = at;
    }

    void hold(String holdId, Instant until) {
        this.holdId = holdId;
        this.heldUntil = until;
    }

    void setHolder(Customer holder) { this.holder = holder; }

    void setChip(Chip chip) { this.chip = chip; }

    void setSeller(Seller seller) { this.seller = seller; }

    void setAllocation(Allocation allocation) { this.allocation = allocation; }

    void setSeatType(SeatType seatType) { this.seatType = seatType; }
}
