package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.eticket.allocation.Allocation;
import org.eticket.allocation.AllocationService;
import org.eticket.catalog.Event;
import org.eticket.catalog.SeatMasterService;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.status.SalesStatusService;

/**
 * Allocation to sellers (Figs 29-31, C6): the map coloured by seat type and by seller; select seats
 * (one, a dragged rectangle, typed ranges, keyboard) and register them to a seller, or let the
 * platform find N consecutive seats of a type; search, change, delete and print allocations; each
 * seller's remaining quota beside the map. The services refuse a double allocation and an exceeded
 * quota; their sentence is shown as it is.
 */
@Named
@ViewScoped
public class AllocationView extends PerformanceScreen {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AllocationService allocations;
    @EJB
    transient SeatMasterService seatMaster;
    @EJB
    transient SalesStatusService status;

    private Long sellerId;
    private Long filterSellerId;
    private String selection;
    private String note;
    private String autoType;
    private Integer autoCount;

    @Override
    public void choosePerformance() {
        selection = null;
    }

    private final PerRequest<List<SeatType>> seatTypes = new PerRequest<>();
    private final PerRequest<List<AllocationService.SellerQuota>> quotas = new PerRequest<>();

    public List<SeatType> getSeatTypes() {
        return eventId == null ? List.of() : seatTypes.get(() -> Screens.attempt(() -> seatMaster.seatTypes(eventId), null));
    }

    /** Per authorized seller: quota, seats held and seats it may still take. */
    public List<AllocationService.SellerQuota> getQuotas() {
        return performanceId == null ? List.of() : quotas.get(() -> Screens.attempt(() -> allocations.quotas(performanceId), null));
    }

    public List<Allocation> getAllocationList() {
        return performanceId == null ? List.of()
                : Screens.attempt(() -> allocations.search(eventId, performanceId, filterSellerId, 0, 500).items(), null);
    }

    public void allocateSelected() {
        if (!ready() || !hasSelection()) {
            return;
        }
        Allocation a = Screens.attempt(() -> allocations.register(
                new AllocationService.AllocationData(performanceId, sellerId, selection, null, note)), null);
        if (a != null) {
            Screens.info(a.getSeatCount() + " seat(s) allocated to " + a.getSeller().getName() + ": " + a.getSeatRanges()
                    + " (allocation " + a.getId() + ").");
            selection = null;
            note = null;
        }
    }

    /** "Allocate N consecutive seats of type X to seller Y": the service finds them. */
    public void allocateConsecutive() {
        if (!ready()) {
            return;
        }
        if (autoCount == null || autoType == null) {
            Screens.error("Give the number of seats and the seat type.");
            return;
        }
        Allocation a = Screens.attempt(() -> allocations.allocateConsecutive(performanceId, sellerId, autoType, autoCount, note), null);
        if (a != null) {
            Screens.info(a.getSeatCount() + " consecutive seat(s) of type " + autoType + " allocated to " + a.getSeller().getName()
                    + ": " + a.getSeatRanges() + " (allocation " + a.getId() + ").");
            note = null;
        }
    }

    public void addSelected(Allocation a) {
        change(a, true);
    }

    public void removeSelected(Allocation a) {
        change(a, false);
    }

    private void change(Allocation a, boolean add) {
        if (!hasSelection()) {
            return;
        }
        AllocationService.AllocationChange c = add
                ? new AllocationService.AllocationChange(selection, null, null, null, null)
                : new AllocationService.AllocationChange(null, null, selection, null, null);
        Allocation changed = Screens.attempt(() -> allocations.change(a.getId(), c), null);
        if (changed != null) {
            Screens.info("Allocation " + a.getId() + " now holds " + changed.getSeatCount() + " seat(s): " + changed.getSeatRanges() + ".");
            selection = null;
        }
    }

    public void delete(Allocation a) {
        Screens.run(() -> allocations.delete(a.getId()), "Allocation " + a.getId() + " deleted; its seats are back with the organizer.");
    }

    /** Selects the seats of an allocation on the map, to see or change them. */
    public void show(Allocation a) {
        selection = a.getSeatRanges();
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
        SeatMaps.typeLayer(data, getSeatTypes());
        SeatMaps.vacancyLayers(data, map);
        return data.toJson();
    }

    /** How many seats the current selection holds, as the server reads it (the map shows it live). */
    public long getSelectedCount() {
        if (selection == null || selection.isBlank()) {
            return 0;
        }
        try {
            return CellRanges.parse(selection).size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private boolean ready() {
        if (performanceId == null) {
            Screens.error("Choose an event and a performance first.");
            return false;
        }
        if (sellerId == null) {
            Screens.error("Choose the seller to allocate to.");
            return false;
        }
        return true;
    }

    private boolean hasSelection() {
        if (selection == null || selection.isBlank()) {
            Screens.error("Select seats on the map first (click, drag, keyboard or a typed range).");
            return false;
        }
        return true;
    }

    public Long getSellerId() { return sellerId; }
    public void setSellerId(Long sellerId) { this.sellerId = sellerId; }
    public Long getFilterSellerId() { return filterSellerId; }
    public void setFilterSellerId(Long filterSellerId) { this.filterSellerId = filterSellerId; }
    public String getSelection() { return selection; }
    public void setSelection(String selection) { this.selection = selection; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getAutoType() { return autoType; }
    public void setAutoType(String autoType) { this.autoType = autoType; }
    public Integer getAutoCount() { return autoCount; }
    public void setAutoCount(Integer autoCount) { this.autoCount = autoCount; }
}
