package org.eticket.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.eticket.platform.Identified;

/**
 * A seat type of an event's seat master (C4, Fig 28): code (S, A, ...), price in minor
 * units, colour on the seat map, and the cells of the layout it covers. Types of one
 * event never overlap.
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"EVENT_ID", "CODE"}))
public class SeatType extends Identified {

    @ManyToOne(optional = false)
    private Event event;

    @Column(nullable = false, length = 8)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    /** Price in minor units of {@link #currency} (design §5: money is integer). */
    @Column(nullable = false)
    private long price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, length = 7)
    private String colour;

    @Lob
    @Column(nullable = false)
    private String ranges = "";

    private int seatCount;

    protected SeatType() {
    }

    public SeatType(Event event, String code, String name, long price, String currency, String colour) {
        this.event = event;
        this.code = code;
        this.name = name;
        this.price = price;
        this.currency = currency;
        this.colour = colour;
    }

    public Event getEvent() { return event; }

    public String getCode() { return code; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public long getPrice() { return price; }

    public void setPrice(long price) { this.price = price; }

    public String getCurrency() { return currency; }

    public void setCurrency(String currency) { this.currency = currency; }

    public String getColour() { return colour; }

    public void setColour(String colour) { this.colour = colour; }

    public String getRanges() { return ranges; }

    public int getSeatCount() { return seatCount; }

    void assign(String ranges, int seatCount) {
        this.ranges = ranges;
        this.seatCount = seatCount;
    }
}
