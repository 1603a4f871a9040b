package org.eticket.web.shop;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.eticket.sales.OrderService;
import org.eticket.sales.SalesOrder;

/**
 * The purchase confirmation (Fig 37), my orders, and the download page (Fig 15): the
 * download is refused, with the reason, before its window opens and after it closes.
 */
@Named
@RequestScoped
public class OrderView {

    @EJB
    OrderService orders;

    private Long orderId;
    private String token;
    private SalesOrder order;
    private String refusal;

    public SalesOrder getOrder() {
        if (order == null && orderId != null) {
            try {
                order = orders.get(orderId);
            } catch (RuntimeException e) {
                Messages.show(e);
            }
        }
        return order;
    }

    /** Reads the order before the page renders, so a refusal reaches the page's messages. */
    public void load() {
        getOrder();
    }

    public List<SalesOrder> getMine() {
        return orders.mine(0, 100).items();
    }

    /** Checks the download address once per request. */
    public void checkDownload() {
        try {
            order = orders.forDownload(token, Instant.now());
        } catch (RuntimeException e) {
            Messages.show(e);
            refusal = e.getMessage();
        }
    }

    public String getRefusal() { return refusal; }

    public Long getOrderId() { return orderId; }

    public void setOrderId(Long orderId) { this.orderId = orderId; }

    public String getToken() { return token; }

    public void setToken(String token) { this.token = token; }
}
