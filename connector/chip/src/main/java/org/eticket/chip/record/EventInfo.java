package org.eticket.chip.record;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What every ticket of one performance shares, stored once per event on the chip (Fig 11 event
 * information area): name, venue, date, opening and start time to the minute, the contact.
 */
public record EventInfo(String name, String venue, LocalDate date, LocalTime openingTime,
                        LocalTime startTime, String contact) {

    public EventInfo {
        Limits.text(name, "event name", 1, Limits.NAME_MAX);
        Limits.text(venue, "venue", 1, Limits.NAME_MAX);
        Limits.date(date, "event date");
        Limits.minutes(openingTime, "opening time");
        Limits.minutes(startTime, "start time");
        Limits.text(contact, "contact", 0, Limits.NAME_MAX);
    }
}
