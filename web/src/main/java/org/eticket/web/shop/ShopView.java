package org.eticket.web.shop;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatType;
import org.eticket.sales.HoldService;
import org.eticket.sales.Offer;
import org.eticket.sales.SeatRequest;
import org.eticket.sales.ShopService;

/**
 * Browse and choose (Fig 36): performances on sale, then a seller's seats as a list with
 * availability and price; pick seats, or ask for the best N side by side of a type; the
 * seats are held and the checkout opens.
 */
@Named
@ViewScoped
public class ShopView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ShopService shop;

    @EJB
    HoldService holds;

    private Long performanceId;
    private Long sellerId;
    private List<String> chosen = new ArrayList<>();
    private String seatType;
    private Integer quantity = 2;

    private transient List<Performance> performances;
    private transient List<Offer> seats;

    public List<Performance> getPerformances() {
        if (performances == null) {
            performances = shop.onSale();
        }
        return performances;
    }

    public Performance getPerformance() {
        return performanceId == null ? null : shop.performance(performanceId);
    }

    public List<ShopService.SellerStock> getSellers() {
        return performanceId == null ? List.of() : shop.sellers(performanceId);
    }

    public List<SeatType> getSeatTypes() {
        return performanceId == null ? List.of() : shop.seatTypes(performanceId);
    }

    public List<Offer> getSeats() {
        if (seats == null) {
            seats = performanceId == null || sellerId == null ? List.of() : shop.seats(performanceId, sellerId);
        }
        return seats;
    }

    public List<Offer> getAvailableSeats() {
        return getSeats().stream().filter(o -> o.state().isAvailable()).toList();
    }

    public void choose() {
        seats = null;
        chosen = new ArrayList<>();
    }

    public String holdChosen() {
        return hold(new SeatRequest(performanceId, sellerId, chosen, null, null));
    }

    public String holdBest() {
        return hold(new SeatRequest(performanceId, sellerId, null, seatType, quantity));
    }

    private String hold(SeatRequest request) {
        try {
            HoldService.HoldView v = holds.hold(request, null);
            return "checkout?faces-redirect=true&hold=" + v.hold().getId();
        } catch (RuntimeException e) {
            Messages.show(e);
            seats = null;
            return null;
        }
    }

    public Long getPerformanceId() { return performanceId; }

    public void setPerformanceId(Long performanceId) { this.performanceId = performanceId; }

    public Long getSellerId() { return sellerId; }

    public void setSellerId(Long sellerId) { this.sellerId = sellerId; }

    public List<String> getChosen() { return chosen; }

    public void setChosen(List<String> chosen) { this.chosen = chosen; }

    public String getSeatType() { return seatType; }

    public void setSeatType(String seatType) { this.seatType = seatType; }

    public Integer getQuantity() { return quantity; }

    public void setQuantity(Integer quantity) { this.quantity = quantity; }
}
