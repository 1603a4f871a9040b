package org.eticket.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.eticket.platform.Identified;

/**
 * One seat layout of a venue (C2, Fig 26): a grid of rows x columns addressed like a
 * spreadsheet, in which the cells listed in {@code seatRanges} are seats and the rest are
 * aisles. Ranges keep a 50,000-seat stadium to a few rows of text (Fig 31).
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"VENUE_ID", "NAME"}))
public class SeatLayout extends Identified {

    @ManyToOne(optional = false)
    private Venue venue;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "ROW_COUNT", nullable = false)
    private int rows;

    @Column(name = "COLUMN_COUNT", nullable = false)
    private int columns;

    @Column(nullable = false)
    private int seatCount;

    @Lob
    @Column(nullable = false)
    private String seatRanges;

    /** The organizer who drew it; null when the platform did. */
    @ManyToOne
    private Organizer owner;

    protected SeatLayout() {
    }

    public SeatLayout(Venue venue, String name, int rows, int columns, Organizer owner) {
        this.venue = venue;
        this.name = name;
        this.rows = rows;
        this.columns = columns;
        this.owner = owner;
    }

    public Venue getVenue() { return venue; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public int getRows() { return rows; }

    public int getColumns() { return columns; }

    public int getSeatCount() { return seatCount; }

    public String getSeatRanges() { return seatRanges; }

    public Organizer getOwner() { return owner; }

    void resize(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    void setSeats(String seatRanges, int seatCount) {
        this.seatRanges = seatRanges;
        this.seatCount = seatCount;
    }
}
