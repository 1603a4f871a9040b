package org.eticket.web.api;

import java.time.Instant;
import org.eticket.allocation.ReturnRequest;
import org.eticket.catalog.Performance;

/** A seller's return request (C8, Fig 16) with who asked and who decided. state: REQUESTED, ACCEPTED or REFUSED. */
public record ReturnDto(Long id, Long performanceId, String performanceDate, String eventCode,
                        Long sellerId, String sellerCode, String sellerName,
                        String seatRanges, int seatCount, String state, String reason,
                        String requestedAt, String requestedBy, String decidedAt, String decidedBy, String decisionNote) {

    static ReturnDto of(ReturnRequest r) {
        Performance p = r.getPerformance();
        return new ReturnDto(r.getId(), p.getId(), p.getDate().toString(), p.getEvent().getCode(),
                r.getSeller().getId(), r.getSeller().getCode(), r.getSeller().getName(),
                r.getSeatRanges(), r.getSeatCount(), r.getState().name(), r.getReason(),
                text(r.getRequestedAt()), r.getRequestedBy(), text(r.getDecidedAt()), r.getDecidedBy(), r.getDecisionNote());
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
