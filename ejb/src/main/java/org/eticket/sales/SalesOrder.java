package org.eticket.sales;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.eticket.platform.RandomId;
import org.eticket.platform.InstantConverter;
import java.util.ArrayList;
import java.util.List;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Performance;

/**
 * One purchase (design §6 "Order"): buyer, seller, channel, the seats with their prices, how
 * it was paid, and the buyer identification information generated at the center (001
 * claim 9: buyer name, order contents, order date and time) kept ready to be written with
 * the ticket. Created only together with its sold tickets and its payment.
 */
@Entity
@Table(indexes = {@Index(name = "ORDER_BUYER", columnList = "BUYER_ID"),
        @Index(name = "ORDER_SELLER", columnList = "SELLER_ID")})
public class SalesOrder {

    /** Drawn at random ({@link RandomId}): concurrent writers never queue for an id. */
    @Id
    private Long id = RandomId.next();

    @Version
    private long version;


    public enum Status { PAID }

    @Column(unique = true, length = 20)
    private String number;

    @ManyToOne(optional = false)
    private Customer buyer;

    @ManyToOne(optional = false)
    private Seller seller;

    @ManyToOne(optional = false)
    private Performance performance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status = Status.PAID;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant orderedAt;

    /** Price of all seats, minor units. */
    private long total;

    @Column(nullable = false, length = 3)
    private String currency;

    /** Paid with reward points (a discount, or all of {@link #total}). */
    private long pointsUsed;

    /** Paid with e-money from the buyer's wallet. */
    private long eMoneyPaid;

    /** Paid by card (captured). */
    private long cardPaid;

    private long pointsEarned;

    /** The acquirer's reference of the card payment. */
    @Column(length = 40)
    private String paymentReference;

    /** The acquirer's card token and the last four digits: never the card number. */
    @Column(length = 40)
    private String cardToken;

    @Column(length = 4)
    private String cardLastFour;

    /** Buyer identification (001 claim 9): name as ordered. */
    @Column(nullable = false, length = 96)
    private String buyerName;

    /** Buyer identification: the order contents, as written with the ticket (at most 256 characters). */
    @Column(nullable = false, length = 256)
    private String contents;

    /** Secret part of the download address (Fig 15, S1503). */
    @Column(nullable = false, unique = true, length = 32)
    private String downloadToken;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant downloadOpensAt;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant downloadClosesAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("seatRow, seatColumn")
    private List<OrderLine> lines = new ArrayList<>();

    protected SalesOrder() {
    }

    SalesOrder(Customer buyer, Seller seller, Performance performance, Channel channel, Instant orderedAt, String currency,
               String downloadToken) {
        this.buyer = buyer;
        this.seller = seller;
        this.performance = performance;
        this.channel = channel;
        this.orderedAt = orderedAt;
        this.currency = currency;
        this.buyerName = buyer.getName().length() > 96 ? buyer.getName().substring(0, 96) : buyer.getName();
        this.contents = "";
        this.downloadToken = downloadToken;
    }

    /**
     * The buyer's name as a seller's purchase order gave it (Fig 7), instead of the name the
     * center holds for the customer with that e-mail: the seller learns nothing it did not send.
     */
    void buyerNamed(String name) {
        this.buyerName = name.length() > 96 ? name.substring(0, 96) : name;
    }

    /** The price of all seats, set before the order is stored; the lines added after must sum to it. */
    void priced(long total) {
        this.total = total;
    }

    void addLine(OrderLine line) {
        long sum = line.getPrice();
        for (OrderLine l : lines) {
            sum = Math.addExact(sum, l.getPrice());
        }
        if (sum > total) {
            throw new IllegalStateException("the lines' prices " + sum + " exceed the order's total " + total);
        }
        lines.add(line);
    }

    void paid(long points, long eMoney, long card, long earned) {
        if (points + eMoney + card != total) {
            throw new IllegalStateException("payment " + (points + eMoney + card) + " does not equal the total " + total);
        }
        this.pointsUsed = points;
        this.eMoneyPaid = eMoney;
        this.cardPaid = card;
        this.pointsEarned = earned;
    }

    /** Not stored: whether the card was captured inside the sale's transaction (then nothing is left to capture after). */
    @Transient
    private transient boolean capturedWithSale;

    boolean isCapturedWithSale() { return capturedWithSale; }

    void capturedWithSale(boolean captured) { this.capturedWithSale = captured; }

    void card(String reference, String token, String lastFour) {
        this.paymentReference = reference;
        this.cardToken = token;
        this.cardLastFour = lastFour;
    }

    void number(String number) { this.number = number; }

    void contents(String contents) { this.contents = contents.length() > 256 ? contents.substring(0, 253) + "..." : contents; }

    void downloadWindow(Instant opens, Instant closes) {
        this.downloadOpensAt = opens;
        this.downloadClosesAt = closes;
    }

    public String getNumber() { return number; }

    public Customer getBuyer() { return buyer; }

    public Seller getSeller() { return seller; }

    public Performance getPerformance() { return performance; }

    public Channel getChannel() { return channel; }

    public Status getStatus() { return status; }

    public Instant getOrderedAt() { return orderedAt; }

    public long getTotal() { return total; }

    public String getCurrency() { return currency; }

    public long getPointsUsed() { return pointsUsed; }

    public long getEMoneyPaid() { return eMoneyPaid; }

    public long getCardPaid() { return cardPaid; }

    public long getPointsEarned() { return pointsEarned; }

    public String getPaymentReference() { return paymentReference; }

    public String getCardToken() { return cardToken; }

    public String getCardLastFour() { return cardLastFour; }

    public String getBuyerName() { return buyerName; }

    public String getContents() { return contents; }

    public String getDownloadToken() { return downloadToken; }

    public Instant getDownloadOpensAt() { return downloadOpensAt; }

    public Instant getDownloadClosesAt() { return downloadClosesAt; }

    public List<OrderLine> getLines() { return lines; }

    public Long getId() { return id; }
}
