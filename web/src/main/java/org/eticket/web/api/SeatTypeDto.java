package org.eticket.web.api;

import org.eticket.catalog.SeatType;

/** A seat type of an event (C4, Fig 28): price in minor units of currency (design §5), colour #rrggbb, its ranges. */
public record SeatTypeDto(Long id, Long eventId, String code, String name, long price, String currency, String colour,
                          String ranges, int seatCount) {

    static SeatTypeDto of(SeatType t) {
        return new SeatTypeDto(t.getId(), t.getEvent().getId(), t.getCode(), t.getName(), t.getPrice(), t.getCurrency(),
                t.getColour(), t.getRanges(), t.getSeatCount());
    }
}
