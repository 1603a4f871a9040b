package org.eticket.web.api;

import org.eticket.catalog.SeatLayout;

/**
 * A seat layout (C2, Fig 26): a grid of rows x columns whose seats are {@code seatRanges}
 * (canonical form, e.g. {@code "B1:F1, A2:G7"}); ownerOrganizerId is null for the platform's.
 */
public record LayoutDto(Long id, Long venueId, String venueCode, String name, int rows, int columns,
                        int seatCount, String seatRanges, Long ownerOrganizerId) {

    static LayoutDto of(SeatLayout l) {
        return new LayoutDto(l.getId(), l.getVenue().getId(), l.getVenue().getCode(), l.getName(), l.getRows(),
                l.getColumns(), l.getSeatCount(), l.getSeatRanges(), l.getOwner() == null ? null : l.getOwner().getId());
    }
}
