package org.eticket.web.api;

import org.eticket.allocation.SellerStockItem;
import org.eticket.catalog.Performance;

/** One line of the seller's event master (S1403) as imported from its stock file. */
public record EventMasterItemDto(Long id, Long performanceId, String eventCode, String performance, String seat,
                                 String seatType, long price, String currency, String importedAt, String importedBy) {

    static EventMasterItemDto of(SellerStockItem i) {
        Performance p = i.getPerformance();
        return new EventMasterItemDto(i.getId(), p.getId(), p.getEvent().getCode(),
                java.time.LocalDateTime.of(p.getDate(), p.getStartTime()).toString(), i.getSeat(), i.getSeatType(),
                i.getPrice(), i.getCurrency(), i.getImportedAt().toString(), i.getImportedBy());
    }
}
