package org.eticket.sales;

import org.eticket.platform.RandomId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One seat of an order at the price it was sold for; the ticket it became carries the order too. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "ORDER_LINE_TICKET", columnNames = "TICKETID"))
public class OrderLine {

    @Id
    private Long id = RandomId.next();

    @ManyToOne(optional = false)
    private SalesOrder order;

    /** The ticket sold; unique, so a seat is in at most one order whatever else happens. */
    @Column(nullable = false)
    private Long ticketId;

    @Column(nullable = false, length = 12)
    private String seat;

    private int seatRow;

    private int seatColumn;

    @Column(length = 8)
    private String seatType;

    private long price;

    protected OrderLine() {
    }

    OrderLine(SalesOrder order, Long ticketId, String seat, int seatRow, int seatColumn, String seatType, long price) {
        this.order = order;
        this.ticketId = ticketId;
        this.seat = seat;
        this.seatRow = seatRow;
        this.seatColumn = seatColumn;
        this.seatType = seatType;
        this.price = price;
    }

    public Long getId() { return id; }

    public SalesOrder getOrder() { return order; }

    public Long getTicketId() { return ticketId; }

    public String getSeat() { return seat; }

    public int getSeatRow() { return seatRow; }

    public int getSeatColumn() { return seatColumn; }

    public String getSeatType() { return seatType; }

    public long getPrice() { return price; }
}
