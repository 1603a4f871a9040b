package org.eticket.chip.protocol;

import java.util.List;

/** Everything readable on a chip without a key: issuer area, events and ticket management areas (Fig 11). */
public record ChipContent(String issuer, List<ChipEvent> events, List<ChipTicket> tickets) {

    public ChipContent {
        events = List.copyOf(events);
        tickets = List.copyOf(tickets);
    }
}
