package org.eticket.web.shop;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.eticket.sales.HoldService;
import org.eticket.sales.PaymentRequest;
import org.eticket.sales.PurchaseService;

/**
 * Checkout: the held seats with their prices and the total, and the payment (card,
 * e-money, points in whole or as a discount). Card fields live only for this request.
 */
@Named
@ViewScoped
public class CheckoutView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HoldService holds;

    @EJB
    PurchaseService purchases;

    private String holdId;
    private PaymentRequest.Method method = PaymentRequest.Method.CARD;
    private Long points = 0L;
    private transient String cardNumber;
    private Integer expiryMonth;
    private Integer expiryYear;
    private transient String cvc;
    private String cardHolder;

    private transient HoldService.HoldView hold;

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

    public String pay() {
        try {
            var order = purchases.checkout(holdId, new PaymentRequest(method, points, cardNumber, expiryMonth, expiryYear,
                    cvc, cardHolder));
            return "confirmation?faces-redirect=true&order=" + order.getId();
        } catch (RuntimeException e) {
            Messages.show(e);
            hold = null;
            return null;
        } finally {
            cardNumber = null;
            cvc = null;
        }
    }

    public String release() {
        try {
            holds.release(holdId);
        } catch (RuntimeException e) {
            Messages.show(e);
            return null;
        }
        return "index?faces-redirect=true";
    }

    public PaymentRequest.Method[] getMethods() {
        return PaymentRequest.Method.values();
    }

    public String getHoldId() { return holdId; }

    public void setHoldId(String holdId) { this.holdId = holdId; }

    public PaymentRequest.Method getMethod() { return method; }

    public void setMethod(PaymentRequest.Method method) { this.method = method; }

    public Long getPoints() { return points; }

    public void setPoints(Long points) { this.points = points; }

    public String getCardNumber() { return cardNumber; }

    public void setCardNumber(String cardNumber) { this.cardNumber = cardNumber; }

    public Integer getExpiryMonth() { return expiryMonth; }

    public void setExpiryMonth(Integer expiryMonth) { this.expiryMonth = expiryMonth; }

    public Integer getExpiryYear() { return expiryYear; }

    public void setExpiryYear(Integer expiryYear) { this.expiryYear = expiryYear; }

    public String getCvc() { return cvc; }

    public void setCvc(String cvc) { this.cvc = cvc; }

    public String getCardHolder() { return cardHolder; }

    public void setCardHolder(String cardHolder) { this.cardHolder = cardHolder; }
}
