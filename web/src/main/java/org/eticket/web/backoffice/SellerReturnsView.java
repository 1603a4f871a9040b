package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.eticket.allocation.AllocationService;
import org.eticket.allocation.ReturnRequest;
import org.eticket.allocation.ReturnService;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.status.SalesStatusService;

/** A seller returns one seat or a batch, picked on the seat map (Fig 16, C8); the organizer decides. */
@Named
@ViewScoped
public class SellerReturnsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AllocationService allocations;
    @EJB
    transient ReturnService returns;
    @EJB
    transient SalesStatusService status;

    private Long performanceId;
    private String selection;
    private String reason;

    public List<SelectItem> getPerformanceItems() {
        return SellerPerformances.items(allocations);
    }

    public List<ReturnRequest> getRequests() {
        return performanceId == null ? List.of() : Screens.attempt(() -> returns.search(performanceId, null, 0, 500).items(), null);
    }

    public void request() {
        if (performanceId == null) {
            Screens.error("Choose a performance first.");
            return;
        }
        if (selection == null || selection.isBlank()) {
            Screens.error("Select the seats to return on the map first.");
            return;
        }
        ReturnRequest r = Screens.attempt(() -> returns.request(new ReturnService.ReturnData(performanceId, selection, null, reason)), null);
        if (r != null) {
            Screens.info("Return of " + r.getSeatCount() + " seat(s) requested (" + r.getSeatRanges() + "); the organizer will accept or refuse it.");
            selection = null;
            reason = null;
        }
    }

    /** The seller's view of the map: its own seats by seller colour and state; others' seats are anonymous. */
    public String getMapJson() {
        if (performanceId == null) {
            return "null";
        }
        SalesStatusService.VacancyMap map = Screens.attempt(() -> status.vacancyMap(performanceId), null);
        if (map == null) {
            return "null";
        }
        SeatMapData data = SeatMapData.of(map.rows(), map.columns(), null);
        map.seats().forEach(s -> data.seat(s.row(), s.column()));
        SeatMaps.typeLayerFromCodes(data, map);
        SeatMaps.vacancyLayers(data, map);
        return data.toJson();
    }

    public long getSelectedCount() {
        try {
            return selection == null || selection.isBlank() ? 0 : CellRanges.parse(selection).size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public Long getPerformanceId() { return performanceId; }
    public void setPerformanceId(Long performanceId) { this.performanceId = performanceId; }
    public String getSelection() { return selection; }
    public void setSelection(String selection) { this.selection = selection; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
