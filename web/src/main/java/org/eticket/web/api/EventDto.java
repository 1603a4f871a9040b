package org.eticket.web.api;

import org.eticket.catalog.Event;

/** An event (C3, Fig 27) with the names a list shows, so a client needs no second call; seatCount is the capacity. */
public record EventDto(Long id, String code, String name, String performers, String contact,
                       Long organizerId, String organizerName, Long venueId, String venueName,
                       Long layoutId, String layoutName, int seatCount) {

    static EventDto of(Event e) {
        return new EventDto(e.getId(), e.getCode(), e.getName(), e.getPerformers(), e.getContact(),
                e.getOrganizer().getId(), e.getOrganizer().getName(), e.getVenue().getId(), e.getVenue().getName(),
                e.getLayout().getId(), e.getLayout().getName(), e.getLayout().getSeatCount());
    }
}
