package org.eticket.sales;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.eticket.platform.InstantConverter;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Performance;

/**
 * A checkout's hold on seats of one seller's stock for a performance (C11): its tickets are
 * HELD with this id until {@link #until}; after that the expiry sweep puts them back.
 * Not in the shared cache: how a hold ended and its price are written by whichever instance
 * served the checkout, and every instance must read them as they are.
 */
@Entity
@Cacheable(false)
public class Hold {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private Performance performance;

    @ManyToOne(optional = false)
    private Seller seller;

    /** Who checks out: the customer, or null when a seller's system holds for its buyer. */
    @ManyToOne
    private Customer customer;

    @Column(nullable = false, length = 100)
    private String heldBy;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant until;

    private int seats;

    /**
     * The price the buyer was shown for the held seats: the checkout charges it or, when the
     * organizer changed a price meanwhile, says so first. Null on holds older than the column.
     */
    private Long total;

    /** The order that bought the seats, once bought. */
    @Column(length = 20)
    private String orderNumber;

    /** When the buyer gave the seats back, if they did. */
    @Convert(converter = InstantConverter.class)
    private Instant releasedAt;

    protected Hold() {
    }

    Hold(String id, Performance performance, Seller seller, Customer customer, String heldBy, Instant createdAt,
         Instant until, int seats, long total) {
        this.id = id;
        this.performance = performance;
        this.seller = seller;
        this.customer = customer;
        this.heldBy = heldBy;
        this.createdAt = createdAt;
        this.until = until;
        this.seats = seats;
        this.total = total;
    }

    public String getId() { return id; }

    public Performance getPerformance() { return performance; }

    public Seller getSeller() { return seller; }

    public Customer getCustomer() { return customer; }

    public String getHeldBy() { return heldBy; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getUntil() { return until; }

    public int getSeats() { return seats; }

    public Long getTotal() { return total; }

    public String getOrderNumber() { return orderNumber; }

    public Instant getReleasedAt() { return releasedAt; }

    void requote(long total) {
        this.total = total;
    }

    void bought(String orderNumber) {
        this.orderNumber = orderNumber;
    }

    void released(Instant at) {
        this.releasedAt = at;
    }
}
