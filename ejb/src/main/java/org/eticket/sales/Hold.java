package org.eticket.sales;

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
 */
@Entity
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

    protected Hold() {
    }

    Hold(String id, Performance performance, Seller seller, Customer customer, String heldBy, Instant createdAt,
         Instant until, int seats) {
        this.id = id;
        this.performance = performance;
        this.seller = seller;
        this.customer = customer;
        this.heldBy = heldBy;
        this.createdAt = createdAt;
        this.until = until;
        this.seats = seats;
    }

    public String getId() { return id; }

    public Performance getPerformance() { return performance; }

    public Seller getSeller() { return seller; }

    public Customer getCustomer() { return customer; }

    public String getHeldBy() { return heldBy; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getUntil() { return until; }

    public int getSeats() { return seats; }
}
