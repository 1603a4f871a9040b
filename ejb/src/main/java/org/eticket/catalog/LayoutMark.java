package org.eticket.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.eticket.platform.Identified;

/**
 * Cells of a layout that carry a name: a seat attribute such as a wheelchair space, or the
 * seat type a drawing gave them (a default the event's seat master may start from).
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"LAYOUT_ID", "KIND", "NAME"}))
public class LayoutMark extends Identified {

    public enum Kind { ATTRIBUTE, SEAT_TYPE }

    @ManyToOne(optional = false)
    private SeatLayout layout;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 32)
    private String name;

    @Lob
    @Column(nullable = false)
    private String ranges;

    protected LayoutMark() {
    }

    public LayoutMark(SeatLayout layout, Kind kind, String name, String ranges) {
        this.layout = layout;
        this.kind = kind;
        this.name = name;
        this.ranges = ranges;
    }

    public SeatLayout getLayout() { return layout; }

    public Kind getKind() { return kind; }

    public String getName() { return name; }

    public String getRanges() { return ranges; }

    void setRanges(String ranges) { this.ranges = ranges; }
}
