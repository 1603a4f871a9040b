package org.eticket.web.shop;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.catalog.grid.GridException;
import org.eticket.sales.HoldService;
import org.eticket.sales.Member;
import org.eticket.sales.MembershipService;
import org.eticket.sales.Offer;
import org.eticket.sales.SeatRequest;
import org.eticket.sales.SeatSelection;
import org.eticket.sales.ShopService;
import org.eticket.security.Roles;
import org.eticket.ticket.TicketState;
import org.eticket.web.backoffice.SeatMapData;

/**
 * Browse and choose (Fig 36): performances on sale, then a seller's seats on the seat map with
 * their availability and price; pick seats on the map, or ask for the best N side by side of a
 * type; the seats are held and the checkout opens.
 */
@Named
@ViewScoped
public class ShopView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The map's availability colouring; index 0 is the only one a buyer may pick. */
    static final List<SeatMapData.Entry> AVAILABILITY = List.of(
            new SeatMapData.Entry("", "available", "#009e73"),
            new SeatMapData.Entry("H", "being bought by someone else", "#f0e442"),
            new SeatMapData.Entry("X", "sold", "#d55e00"),
            new SeatMapData.Entry("", "not sold by this seller", "#e2e4e8"));

    @EJB
    ShopService shop;

    @EJB
    HoldService holds;

    @EJB
    MembershipService memberships;

    @Inject
    ShopFormat format;

    private Long performanceId;
    private Long sellerId;
    private String selection;
    private String seatType;
    private Integer quantity = 2;

    private transient List<Performance> performances;
    private transient Performance performance;
    private transient List<ShopService.SellerStock> sellers;
    private transient List<SeatType> seatTypes;
    private transient List<Offer> seats;
    private transient java.util.Set<Long> memberOf;

    public List<Performance> getPerformances() {
        if (performances == null) {
            performances = shop.onSale();
        }
        return performances;
    }

    public Performance getPerformance() {
        if (performance == null && performanceId != null) {
            try {
                performance = shop.performance(performanceId);
            } catch (RuntimeException e) {
                performanceId = null; // an unknown performance: the list of those on sale, with the message
                Messages.show(e);
            }
        }
        return performance;
    }

    /** Reads the performance before the page renders, so an unknown one is a message, not an error page. */
    public void load() {
        getPerformance();
    }

    /** True once the chosen performance has started: sales closed then. */
    public boolean isClosed() {
        Performance p = getPerformance();
        return p != null && holds.started(p);
    }

    public List<ShopService.SellerStock> getSellers() {
        if (sellers == null) {
            sellers = performanceId == null ? List.of() : shop.sellers(performanceId);
        }
        return sellers;
    }

    /** The chosen seller, or null when none (or one without stock here) is chosen. */
    public ShopService.SellerStock getSeller() {
        return sellerId == null ? null : getSellers().stream().filter(s -> s.seller().getId().equals(sellerId)).findFirst().orElse(null);
    }

    public List<SeatType> getSeatTypes() {
        if (seatTypes == null) {
            seatTypes = performanceId == null ? List.of() : shop.seatTypes(performanceId);
        }
        return seatTypes;
    }

    /** The seat types this seller has free seats of: what "the best seats" can be asked for. */
    public List<SeatType> getFreeSeatTypes() {
        java.util.Set<String> free = getSeats().stream().filter(o -> o.state().isAvailable()).map(Offer::seatType)
                .collect(java.util.stream.Collectors.toSet());
        return getSeatTypes().stream().filter(t -> free.contains(t.getCode())).toList();
    }

    public List<Offer> getSeats() {
        if (seats == null) {
            seats = performanceId == null || sellerId == null ? List.of() : shop.seats(performanceId, sellerId);
        }
        return seats;
    }

    /**
     * True when the buyer may still apply to this seller (a customer, not yet a registered member):
     * fan-club stock is for members only, so the seller list offers the way in.
     */
    public boolean mayApply(Long sellerId) {
        if (!jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.CUSTOMER)) {
            return false;
        }
        if (memberOf == null) {
            memberOf = memberships.list().stream().filter(m -> m.getStatus() == Member.Status.REGISTERED)
                    .map(m -> m.getSeller().getId()).collect(java.util.stream.Collectors.toSet());
        }
        return !memberOf.contains(sellerId);
    }

    public long getAvailableCount() {
        return getSeats().stream().filter(o -> o.state().isAvailable()).count();
    }

    public int getMaxSeats() {
        return SeatSelection.MAX_SEATS;
    }

    /**
     * The seat map of the whole layout: by seat type (with prices), and by availability of this
     * seller's stock; seats the buyer cannot take are drawn pale and cannot be picked.
     */
    public String getMapJson() {
        Performance p = getPerformance();
        if (p == null || sellerId == null) {
            return "";
        }
        SeatLayout layout = p.getEvent().getLayout();
        SeatMapData data = SeatMapData.of(layout.getRows(), layout.getColumns(), layout.getSeatRanges());
        List<SeatType> types = getSeatTypes();
        List<SeatMapData.Entry> typeEntries = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (SeatType t : types) {
            codes.add(t.getCode());
            typeEntries.add(new SeatMapData.Entry(t.getCode(), t.getName() + " " + format.money(t.getPrice(), t.getCurrency()),
                    t.getColour() == null ? SeatMapData.PALETTE.get(typeEntries.size() % SeatMapData.PALETTE.size()) : t.getColour()));
        }
        data.layer("type", typeEntries).layer("state", AVAILABILITY);
        for (int i = 0; i < types.size(); i++) {
            String ranges = types.get(i).getRanges();
            if (ranges != null && !ranges.isBlank()) {
                data.mark("type", i, CellRanges.parse(ranges));
            }
        }
        if (layout.getSeatRanges() != null && !layout.getSeatRanges().isBlank()) {
            data.mark("state", 3, CellRanges.parse(layout.getSeatRanges()));
        }
        for (Offer o : getSeats()) {
            int state = o.state().isAvailable() ? 0 : o.state() == TicketState.HELD ? 1 : 2;
            data.mark("state", state, o.row(), o.column());
            if (o.seatType() != null && codes.contains(o.seatType())) {
                data.mark("type", codes.indexOf(o.seatType()), o.row(), o.column());
            }
        }
        return data.toJson();
    }

    public String holdChosen() {
        refresh();
        List<String> labels;
        try {
            CellRanges ranges = CellRanges.parse(selection == null ? "" : selection);
            if (ranges.isEmpty()) {
                Messages.warn("Pick seats on the map first (click a seat, or drag over several).");
                return null;
            }
            if (ranges.size() > SeatSelection.MAX_SEATS) {
                Messages.warn("At most " + SeatSelection.MAX_SEATS + " seats in one order; " + ranges.size() + " are selected.");
                return null;
            }
            labels = ranges.cells().stream().map(Cell::label).toList();
        } catch (GridException | IllegalArgumentException e) {
            Messages.warn("The selection \"" + selection + "\" is not a list of seats: " + e.getMessage());
            return null;
        }
        return hold(new SeatRequest(performanceId, sellerId, labels, null, null));
    }

    public String holdBest() {
        refresh();
        return hold(new SeatRequest(performanceId, sellerId, null, seatType, quantity));
    }

    /** An action re-reads the stock, so the page it leaves shows the seats as they are now. */
    private void refresh() {
        seats = null;
        sellers = null;
    }

    private String hold(SeatRequest request) {
        try {
            HoldService.HoldView v = holds.hold(request, null);
            return "checkout?faces-redirect=true&hold=" + v.hold().getId();
        } catch (RuntimeException e) {
            Messages.show(e);
            // The seat that was taken meanwhile now shows as taken; the choice starts again.
            refresh();
            selection = null;
            return null;
        }
    }

    public Long getPerformanceId() { return performanceId; }

    public void setPerformanceId(Long performanceId) { this.performanceId = performanceId; }

    public Long getSellerId() { return sellerId; }

    public void setSellerId(Long sellerId) { this.sellerId = sellerId; }

    public String getSelection() { return selection; }

    public void setSelection(String selection) { this.selection = selection; }

    public String getSeatType() { return seatType; }

    public void setSeatType(String seatType) { this.seatType = seatType; }

    public Integer getQuantity() { return quantity; }

    public void setQuantity(Integer quantity) { this.quantity = quantity; }
}
