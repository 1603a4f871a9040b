package org.eticket.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.eticket.catalog.Performance;
import org.eticket.platform.Identified;

/**
 * One line of a seller's event master (S1403, Figs 34-35): the seller's own copy of a seat of
 * its stock, as imported from the stock the center exported, which it uses as the base data of
 * its sales. One line per seller, performance and seat, so importing the same file again
 * changes nothing. The center's ticket master stays the truth; the registration report (C7)
 * compares the two.
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "SELLER_STOCK_SEAT", columnNames = {"SELLER_ID", "PERFORMANCE_ID", "SEAT"}))
public class SellerStockItem extends Identified {

    @ManyToOne(optional = false)
    private Seller seller;

    @ManyToOne(optional = false)
    private Performance performance;

    @Column(nullable = false, length = 12)
    private String seat;

    @Column(length = 8)
    private String seatType;

    /** Minor units of {@link #currency}. */
    private long price;

    @Column(length = 3)
    private String currency;

    @Column(nullable = false)
    private Instant importedAt;

    @Column(nullable = false, length = 100)
    private String importedBy;

    protected SellerStockItem() {
    }

    SellerStockItem(Seller seller, Performance performance, String seat) {
        this.seller = seller;
        this.performance = performance;
        this.seat = seat;
    }

    /** True when something changed. */
    boolean apply(String seatType, long price, String currency, Instant at, String by) {
        boolean changed = getId() == null || !java.util.Objects.equals(this.seatType, seatType) || this.price != price
                || !java.util.Objects.equals(this.currency, currency);
        if (changed) {
            this.seatType = seatType;
            this.price = price;
            this.currency = currency;
            this.importedAt = at;
            this.importedBy = by;
        }
        return changed;
    }

    public Seller getSeller() { return seller; }

    public Performance getPerformance() { return performance; }

    public String getSeat() { return seat; }

    public String getSeatType() { return seatType; }

    public long getPrice() { return price; }

    public String getCurrency() { return currency; }

    public Instant getImportedAt() { return importedAt; }

    public String getImportedBy() { return importedBy; }
}
