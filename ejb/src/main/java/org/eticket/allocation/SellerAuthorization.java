package org.eticket.allocation;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.eticket.catalog.Performance;
import org.eticket.platform.Identified;

/**
 * A seller's authorization to sell one performance, with its quota as a number of
 * tickets or a ratio of the capacity (C5; 002 claim 30). Stored as the quota's label.
 */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"PERFORMANCE_ID", "SELLER_ID"}))
public class SellerAuthorization extends Identified {

    @ManyToOne(optional = false)
    private Performance performance;

    @ManyToOne(optional = false)
    private Seller seller;

    @Column(nullable = false, length = 16)
    private String quota;

    protected SellerAuthorization() {
    }

    public SellerAuthorization(Performance performance, Seller seller, Quota quota) {
        this.performance = performance;
        this.seller = seller;
        this.quota = quota.label();
    }

    public Performance getPerformance() { return performance; }

    public Seller getSeller() { return seller; }

    public Quota getQuota() { return Quota.parse(quota); }

    public void setQuota(Quota quota) { this.quota = quota.label(); }

    /** Seats this seller may hold on the performance's layout. */
    public int limit() {
        return getQuota().limit(performance.getEvent().getLayout().getSeatCount());
    }
}
