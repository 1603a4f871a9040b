package org.eticket.web.shop;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.eticket.payment.PaymentRefusedException;
import org.eticket.payment.WalletService;
import org.eticket.platform.ConflictException;
import org.eticket.sales.HoldService;
import org.eticket.sales.PaymentRequest;
import org.eticket.sales.PurchaseService;

/**
 * Checkout: the held seats with their prices and the total, how long they stay held, and the
 * payment (card, e-money, points in whole or as a discount) with the buyer's balances. Card
 * fields live only for this request. A refused payment leaves the hold as it was, so the buyer
 * can try another card or method until the hold expires.
 */
@Named
@ViewScoped
public class CheckoutView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HoldService holds;

    @EJB
    PurchaseService purchases;

    @EJB
    WalletService wallet;

    @Inject
    ShopFormat format;

    private String holdId;
    private PaymentRequest.Method method = PaymentRequest.Method.CARD;
    private Long points = 0L;
    private final CardEntry cardEntry = new CardEntry();

    private transient HoldService.HoldView hold;
    private transient WalletService.Balance balance;

    public HoldService.HoldView getHold() {
        if (hold == null && holdId != null) {
            try {
                hold = holds.get(holdId);
            } catch (RuntimeException e) {
                Messages.show(e);
            }
        }
        return hold;
    }

    /** Reads the hold before the page renders, so a refusal (unknown, another buyer's) reaches the page's messages. */
    public void load() {
        getHold();
    }

    /**
     * True while the hold can still be paid: it holds seats, has not expired, and the show has
     * not started. Otherwise the page says why and offers no payment.
     */
    public boolean isOpen() {
        HoldService.HoldView h = getHold();
        return h != null && !h.seats().isEmpty() && getRemainingSeconds() > 0 && !isStarted();
    }

    public boolean isStarted() {
        HoldService.HoldView h = getHold();
        return h != null && holds.started(h.hold().getPerformance());
    }

    /**
     * Milliseconds the seats stay held from now (0 once expired). The countdown starts from this
     * when the page arrives, so it reaches zero at or after the center's expiry, never before, and
     * needs no agreement between the buyer's clock and the center's.
     */
    public long getRemainingMillis() {
        HoldService.HoldView h = getHold();
        return h == null ? 0 : Math.max(0, Duration.between(Instant.now(), h.hold().getUntil()).toMillis());
    }

    /** Whole seconds left, rounded up: 0 only once the hold has expired. */
    public long getRemainingSeconds() {
        return (getRemainingMillis() + 999) / 1000;
    }

    /** The remaining time as m:ss, as the countdown first shows it. */
    public String getRemaining() {
        long s = getRemainingSeconds();
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    /** The buyer's e-money and points, so they know what they can pay with. */
    public WalletService.Balance getBalance() {
        if (balance == null) {
            balance = wallet.balance();
        }
        return balance;
    }

    public boolean isCard() {
        return method == PaymentRequest.Method.CARD;
    }

    public String pay() {
        try {
            var order = purchases.checkout(holdId, new PaymentRequest(method, points, cardEntry.getNumber(),
                    cardEntry.getExpiryMonth(), cardEntry.getExpiryYear(), cardEntry.getCvc(), cardEntry.getHolder()));
            return "confirmation?faces-redirect=true&order=" + order.getId();
        } catch (RuntimeException e) {
            hold = null;
            balance = null;
            if (Messages.cause(e) instanceof ConflictException && !(Messages.cause(e) instanceof PaymentRefusedException)
                    && getHold() != null && getRemainingSeconds() == 0) {
                // The service refused an expired hold (a page left open, another tab): say it in the buyer's time zone.
                Messages.warn("Your hold expired at " + format.moment(getHold().hold().getUntil()) + " and its seats were"
                        + " released; nothing was charged. Choose seats again.");
                return null;
            }
            Messages.show(e);
            if (Messages.cause(e) instanceof PaymentRefusedException && getRemainingSeconds() > 0) {
                // 001 claim 16 (g): say plainly that nothing was taken and what the buyer can do now.
                Messages.info("Nothing was charged. Your seats stay held for you until "
                        + format.moment(getHold().hold().getUntil()) + "; try another card or another way to pay.");
            }
            return null;
        } finally {
            cardEntry.forget();
        }
    }

    /** Gives the seats back and returns to the same seller's seat map, where they show as free again. */
    public String release() {
        String back = "index?faces-redirect=true";
        try {
            HoldService.HoldView h = getHold();
            if (h != null) {
                back += "&performance=" + h.hold().getPerformance().getId() + "&seller=" + h.hold().getSeller().getId();
            }
            holds.release(holdId);
        } catch (RuntimeException e) {
            Messages.show(e);
            return null;
        }
        return back;
    }

    public String getHoldId() { return holdId; }

    public void setHoldId(String holdId) { this.holdId = holdId; }

    public PaymentRequest.Method getMethod() { return method; }

    public void setMethod(PaymentRequest.Method method) { this.method = method; }

    public Long getPoints() { return points; }

    public void setPoints(Long points) { this.points = points; }

    public CardEntry getCardEntry() { return cardEntry; }
}
