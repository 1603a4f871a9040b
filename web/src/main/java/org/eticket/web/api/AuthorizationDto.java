package org.eticket.web.api;

import org.eticket.allocation.Quota;
import org.eticket.allocation.SellerAuthorization;
import org.eticket.catalog.Performance;

/**
 * A seller's authorization for one performance (C5; 002 claim 30). quota is the label as
 * given ({@code "120"} or {@code "12.5%"}); limit is what it allows in seats on the layout.
 */
public record AuthorizationDto(Long id, Long performanceId, String performanceDate, String performanceStartTime,
                               Long eventId, String eventCode, String eventName,
                               Long sellerId, String sellerCode, String sellerName,
                               String quota, boolean ratio, int limit) {

    static AuthorizationDto of(SellerAuthorization a) {
        Performance p = a.getPerformance();
        Quota q = a.getQuota();
        return new AuthorizationDto(a.getId(), p.getId(), p.getDate().toString(), PerformanceDto.time(p.getStartTime()),
                p.getEvent().getId(), p.getEvent().getCode(), p.getEvent().getName(),
                a.getSeller().getId(), a.getSeller().getCode(), a.getSeller().getName(),
                q.label(), q.isRatio(), a.limit());
    }
}
