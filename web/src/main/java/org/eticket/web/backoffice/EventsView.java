package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eticket.catalog.Event;
import org.eticket.catalog.EventService;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.Venue;
import org.eticket.catalog.VenueService;

/**
 * The event master (Fig 27, S1201): an event on a venue's layout, and its performances as a series;
 * the first performance is typed once and later dates copy its times and gates.
 */
@Named
@ViewScoped
public class EventsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient EventService events;
    @EJB
    transient VenueService venues;

    private Long eventId;
    private Long organizerId;
    private String code;
    private String name;
    private String performers;
    private Long layoutId;
    private String contact;
    private LocalDate date;
    private LocalTime openingTime;
    private LocalTime startTime;
    private String gates;
    private String seriesDates;

    public List<Event> getEventList() {
        return Screens.attempt(() -> events.search(null, 0, 200).items(), null);
    }

    public Event getEvent() {
        return eventId == null ? null : Screens.attempt(() -> events.get(eventId), null);
    }

    public List<Performance> getPerformanceList() {
        return eventId == null ? List.of() : Screens.attempt(() -> events.performances(eventId), null);
    }

    /** Every layout the caller may use, labelled with its venue. */
    public List<SelectItem> getLayoutItems() {
        List<SelectItem> items = new ArrayList<>();
        List<Venue> all = Screens.attempt(() -> venues.search(null, 0, 200).items(), null);
        for (Venue v : all == null ? List.<Venue>of() : all) {
            List<SeatLayout> layouts = Screens.attempt(() -> venues.layouts(v.getId()), null);
            for (SeatLayout l : layouts == null ? List.<SeatLayout>of() : layouts) {
                items.add(new SelectItem(l.getId(), v.getName() + " – " + l.getName() + " (" + l.getSeatCount() + " seats)"));
            }
        }
        return items;
    }

    public void open(Event e) {
        eventId = e.getId();
        code = e.getCode();
        name = e.getName();
        performers = e.getPerformers();
        layoutId = e.getLayout().getId();
        contact = e.getContact();
        organizerId = e.getOrganizer().getId();
    }

    public void save() {
        EventService.EventData data = new EventService.EventData(organizerId, code, name, performers, layoutId, contact);
        if (eventId == null) {
            Event e = Screens.attempt(() -> events.create(data), "Event " + code + " registered.");
            if (e != null) {
                eventId = e.getId();
            }
        } else {
            Screens.run(() -> events.update(eventId, data), "Event " + code + " changed.");
        }
    }

    public void newEvent() {
        eventId = null;
        code = name = performers = contact = null;
        layoutId = null;
    }

    public void delete() {
        if (eventId != null && Screens.run(() -> events.delete(eventId), "Event " + code + " deleted.")) {
            newEvent();
        }
    }

    public void addPerformance() {
        if (eventId == null) {
            Screens.error("Register the event first.");
            return;
        }
        Screens.run(() -> events.addPerformance(eventId, new EventService.PerformanceData(date, openingTime, startTime, gates)),
                "Performance on " + date + " added.");
    }

    /** More dates of the series: only the dates are typed; the rest is copied from the latest performance. */
    public void addSeries() {
        if (eventId == null) {
            Screens.error("Register the event first.");
            return;
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String part : (seriesDates == null ? "" : seriesDates).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(part.strip()));
            } catch (DateTimeParseException e) {
                Screens.error("\"" + part.strip() + "\" is not a date: expected e.g. 2026-12-24.");
                return;
            }
        }
        List<Performance> added = Screens.attempt(() -> events.addSeries(eventId, null, dates), null);
        if (added != null) {
            Screens.info(added.size() + " performance(s) added to the series.");
            seriesDates = null;
        }
    }

    public void deletePerformance(Performance p) {
        Screens.run(() -> events.deletePerformance(p.getId()), "Performance on " + p.getDate() + " deleted.");
    }

    public Long getEventId() { return eventId; }
    public Long getOrganizerId() { return organizerId; }
    public void setOrganizerId(Long organizerId) { this.organizerId = organizerId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPerformers() { return performers; }
    public void setPerformers(String performers) { this.performers = performers; }
    public Long getLayoutId() { return layoutId; }
    public void setLayoutId(Long layoutId) { this.layoutId = layoutId; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getOpeningTime() { return openingTime; }
    public void setOpeningTime(LocalTime openingTime) { this.openingTime = openingTime; }
    public LocalTime getStartTime() { return startTime; }
    public void setStartTime(LocalTime startTime) { this.startTime = startTime; }
    public String getGates() { return gates; }
    public void setGates(String gates) { this.gates = gates; }
    public String getSeriesDates() { return seriesDates; }
    public void setSeriesDates(String seriesDates) { this.seriesDates = seriesDates; }
}
