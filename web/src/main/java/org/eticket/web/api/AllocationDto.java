package org.eticket.web.api;

import org.eticket.allocation.Allocation;
import org.eticket.catalog.Performance;

/**
 * One registration of seats to a seller (C6). seatRanges and seatCount are the seats as
 * registered or last changed by the organizer; returned seats leave it (see its seats).
 */
public record AllocationDto(Long id, Long performanceId, String performanceDate, String performanceStartTime,
                            Long eventId, String eventCode, String eventName,
                            Long sellerId, String sellerCode, String sellerName,
                            String seatRanges, int seatCount, String createdAt, String createdBy, String note) {

    static AllocationDto of(Allocation a) {
        Performance p = a.getPerformance();
        return new AllocationDto(a.getId(), p.getId(), p.getDate().toString(), PerformanceDto.time(p.getStartTime()),
                p.getEvent().getId(), p.getEvent().getCode(), p.getEvent().getName(),
                a.getSeller().getId(), a.getSeller().getCode(), a.getSeller().getName(),
                a.getSeatRanges(), a.getSeatCount(), a.getCreatedAt().toString(), a.getCreatedBy(), a.getNote());
    }
}
