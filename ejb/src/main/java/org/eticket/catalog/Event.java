package org.eticket.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eticket.platform.Identified;

/**
 * An event of one organizer (C3, Fig 27), held on one seat layout of a venue; its dates
 * are its {@link Performance}s.
 */
@Entity
@Table(name = "EVENT")
public class Event extends Identified {

    @ManyToOne(optional = false)
    private Organizer organizer;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 500)
    private String performers;

    @ManyToOne(optional = false)
    private SeatLayout layout;

    @Column(length = 300)
    private String contact;

    protected Event() {
    }

    public Event(Organizer organizer, String code, String name, SeatLayout layout) {
        this.organizer = organizer;
        this.code = code;
        this.name = name;
        this.layout = layout;
    }

    public Organizer getOrganizer() { return organizer; }

    public String getCode() { return code; }

    public void setCode(String code) { this.code = code; }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public String getPerformers() { return performers; }

    public void setPerformers(String performers) { this.performers = performers; }

    public SeatLayout getLayout() { return layout; }

    void setLayout(SeatLayout layout) { this.layout = layout; }

    public Venue getVenue() { return layout.getVenue(); }

    public String getContact() { return contact; }

    public void setContact(String contact) { this.contact = contact; }
}
