package org.eticket.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.eticket.platform.Identified;

/** One date of an event: doors open, show starts, through these gates (C3, S1201). */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"EVENT_ID", "PERFORMANCE_DATE", "START_TIME"}))
public class Performance extends Identified {

    @ManyToOne(optional = false)
    private Event event;

    @Column(name = "PERFORMANCE_DATE", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private LocalTime openingTime;

    @Column(name = "START_TIME", nullable = false)
    private LocalTime startTime;

    /** Comma-separated gate names, e.g. "North,South". */
    @Column(length = 300)
    private String gates;

    protected Performance() {
    }

    public Performance(Event event, LocalDate date, LocalTime openingTime, LocalTime startTime, String gates) {
        this.event = event;
        this.date = date;
        this.openingTime = openingTime;
        this.startTime = startTime;
        this.gates = gates;
    }

    public Event getEvent() { return event; }

    public LocalDate getDate() { return date; }

    public LocalTime getOpeningTime() { return openingTime; }

    public LocalTime getStartTime() { return startTime; }

    public String getGates() { return gates; }

    /** When the show starts, the date and start time read in the platform's zone. */
    public Instant startsAt(ZoneId zone) {
        return date.atTime(startTime).atZone(zone).toInstant();
    }

    void reschedule(LocalDate date, LocalTime openingTime, LocalTime startTime, String gates) {
        this.date = date;
        this.openingTime = openingTime;
        this.startTime = startTime;
        this.gates = gates;
    }
}
