package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.eticket.allocation.Allocation;
import org.eticket.allocation.AllocationService;
import org.eticket.allocation.ReturnRequest;
import org.eticket.allocation.ReturnService;
import org.eticket.catalog.Event;
import org.eticket.status.SalesStatusService;

/**
 * The organizer's side of returns (Fig 16, C8): requests to accept or refuse, the returned seats
 * shown on the map, and their re-allocation to another seller.
 */
@Named
@ViewScoped
public class OrganizerReturnsView extends PerformanceScreen {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ReturnService returns;
    @EJB
    transient AllocationService allocations;
    @EJB
    transient SalesStatusService status;

    private String note;
    private Long sellerId;
    private String selection;

    @Override
    public void choosePerformance() {
        selection = null;
    }

    public List<ReturnRequest> getRequests() {
        return performanceId == null ? List.of() : Screens.attempt(() -> returns.search(performanceId, null, 0, 500).items(), null);
    }

    public List<AllocationService.SellerQuota> getQuotas() {
        return performanceId == null ? List.of() : Screens.attempt(() -> allocations.quotas(performanceId), null);
    }

    public void accept(ReturnRequest r) {
        if (Screens.run(() -> returns.accept(r.getId(), note), "Return " + r.getId() + " accepted: " + r.getSeatCount()
                + " seat(s) are back with the organizer (" + r.getSeatRanges() + ").")) {
            selection = r.getSeatRanges();
            note = null;
        }
    }

    public void refuse(ReturnRequest r) {
        if (Screens.run(() -> returns.refuse(r.getId(), note), "Return " + r.getId() + " refused: the seats stay with "
                + r.getSeller().getName() + ".")) {
            note = null;
        }
    }

    /** Selects a request's seats on the map. */
    public void show(ReturnRequest r) {
        selection = r.getSeatRanges();
    }

    /** Re-allocates the selected seats (after an accepted return) to the chosen seller. */
    public void reallocate() {
        if (performanceId == null || sellerId == null || selection == null || selection.isBlank()) {
            Screens.error("Choose a seller and select the seats (Show or Accept selects a return's seats).");
            return;
        }
        Allocation a = Screens.attempt(() -> allocations.register(
                new AllocationService.AllocationData(performanceId, sellerId, selection, null, "re-allocated after a return")), null);
        if (a != null) {
            Screens.info(a.getSeatCount() + " seat(s) re-allocated to " + a.getSeller().getName() + ": " + a.getSeatRanges() + ".");
            selection = null;
        }
    }

    public String getMapJson() {
        if (performanceId == null) {
            return "null";
        }
        Event e = event();
        SalesStatusService.VacancyMap map = Screens.attempt(() -> status.vacancyMap(performanceId), null);
        if (e == null || map == null) {
            return "null";
        }
        SeatMapData data = SeatMaps.layout(e.getLayout());
        SeatMaps.vacancyLayers(data, map);
        SeatMaps.typeLayerFromCodes(data, map);
        return data.toJson();
    }

    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getSellerId() { return sellerId; }
    public void setSellerId(Long sellerId) { this.sellerId = sellerId; }
    public String getSelection() { return selection; }
    public void setSelection(String selection) { this.selection = selection; }
}
