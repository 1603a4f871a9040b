package org.eticket.web.backoffice;

import jakarta.faces.model.SelectItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eticket.allocation.Allocation;
import org.eticket.allocation.AllocationService;
import org.eticket.catalog.Performance;

/** The performances a seller holds seats of, from its own allocations (a seller cannot list events). */
final class SellerPerformances {

    private SellerPerformances() {
    }

    static List<SelectItem> items(AllocationService allocations) {
        List<Allocation> own = Screens.attempt(() -> allocations.search(null, null, null, 0, 500).items(), null);
        Map<Long, SelectItem> byId = new LinkedHashMap<>();
        for (Allocation a : own == null ? List.<Allocation>of() : own) {
            Performance p = a.getPerformance();
            byId.putIfAbsent(p.getId(), new SelectItem(p.getId(), p.getEvent().getCode() + " – " + p.getEvent().getName()
                    + ", " + p.getDate() + " " + p.getStartTime()));
        }
        return new ArrayList<>(byId.values());
    }
}
