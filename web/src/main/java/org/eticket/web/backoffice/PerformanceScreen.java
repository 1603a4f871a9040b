package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import java.io.Serializable;
import java.util.List;
import org.eticket.catalog.Event;
import org.eticket.catalog.EventService;
import org.eticket.catalog.Performance;

/**
 * A back-office screen about one performance of an event (allocation, returns, sales status):
 * the event and performance pickers they share. Choosing an event chooses its first performance.
 */
public abstract class PerformanceScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient EventService events;

    protected Long eventId;
    protected Long performanceId;

    public List<Event> getEventList() {
        return Screens.attempt(() -> events.search(null, 0, 200).items(), null);
    }

    public List<Performance> getPerformanceList() {
        return eventId == null ? List.of() : Screens.attempt(() -> events.performances(eventId), null);
    }

    public void chooseEvent() {
        List<Performance> ps = getPerformanceList();
        performanceId = ps == null || ps.isEmpty() ? null : ps.get(0).getId();
        choosePerformance();
    }

    /** What the screen forgets when the performance changes (a selection on the map, ...). */
    public void choosePerformance() {
    }

    /** The chosen event, or null when none is chosen or it is gone (the error is shown). */
    protected Event event() {
        return eventId == null ? null : Screens.attempt(() -> events.get(eventId), null);
    }

    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public Long getPerformanceId() { return performanceId; }
    public void setPerformanceId(Long performanceId) { this.performanceId = performanceId; }
}
