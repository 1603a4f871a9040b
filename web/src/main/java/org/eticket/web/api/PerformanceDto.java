package org.eticket.web.api;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.eticket.catalog.Performance;

/** One date of an event (C3, S1201): ISO date ({@code 2026-12-21}) and times ({@code 18:30:00}); gates comma-separated. */
public record PerformanceDto(Long id, Long eventId, String eventCode, String date, String openingTime,
                             String startTime, String gates) {

    static PerformanceDto of(Performance p) {
        return new PerformanceDto(p.getId(), p.getEvent().getId(), p.getEvent().getCode(), p.getDate().toString(),
                time(p.getOpeningTime()), time(p.getStartTime()), p.getGates());
    }

    static String time(LocalTime t) {
        return t == null ? null : DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
}
