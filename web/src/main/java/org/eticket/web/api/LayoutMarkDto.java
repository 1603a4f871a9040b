package org.eticket.web.api;

import org.eticket.catalog.LayoutMark;
import org.eticket.catalog.grid.CellRanges;

/** Named cells of a layout: a seat attribute (kind ATTRIBUTE, e.g. wheelchair) or a drawing's seat type (SEAT_TYPE). */
public record LayoutMarkDto(String kind, String name, String ranges, long seatCount) {

    static LayoutMarkDto of(LayoutMark m) {
        String ranges = m.getRanges();
        long seats = ranges == null || ranges.isBlank() ? 0 : CellRanges.parse(ranges).size();
        return new LayoutMarkDto(m.getKind().name(), m.getName(), ranges, seats);
    }
}
