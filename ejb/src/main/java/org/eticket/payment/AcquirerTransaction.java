package org.eticket.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.eticket.platform.RandomId;
import org.eticket.platform.InstantConverter;

/**
 * The test acquirer's own books: one row per authorization and what became of it. Kept in
 * its own transactions (the acquirer is another party), so a sale that rolls back still
 * shows the authorization it voided.
 */
@Entity
public class AcquirerTransaction {

    /** Drawn at random ({@link RandomId}): concurrent writers never queue for an id. */
    @Id
    private Long id = RandomId.next();

    @Version
    private long version;


    public enum Status { AUTHORIZED, CAPTURED, VOIDED, REFUNDED, REFUSED }

    @Column(nullable = false, unique = true, length = 40)
    private String reference;

    @Column(nullable = false, length = 40)
    private String cardToken;

    @Column(nullable = false, length = 4)
    private String lastFour;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PaymentOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    private long amount;

    private long captured;

    private long refunded;

    @Column(length = 3)
    private String currency;

    @Column(length = 200)
    private String description;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    private Instant changedAt;

    protected AcquirerTransaction() {
    }

    AcquirerTransaction(String reference, String cardToken, String lastFour, PaymentOutcome outcome, long amount,
                        String currency, String description, Instant at) {
        this.reference = reference;
        this.cardToken = cardToken;
        this.lastFour = lastFour;
        this.outcome = outcome;
        // a timed-out authorization was approved at the acquirer; only the answer was lost
        this.status = outcome == PaymentOutcome.APPROVED || outcome == PaymentOutcome.TIMEOUT ? Status.AUTHORIZED : Status.REFUSED;
        this.amount = amount;
        this.currency = currency;
        this.description = description == null || description.length() <= 200 ? description : description.substring(0, 200);
        this.createdAt = at;
    }

    public String getReference() { return reference; }

    public String getCardToken() { return cardToken; }

    public String getLastFour() { return lastFour; }

    public PaymentOutcome getOutcome() { return outcome; }

    public Status getStatus() { return status; }

    public long getAmount() { return amount; }

    public long getCaptured() { return captured; }

    public long getRefunded() { return refunded; }

    public String getCurrency() { return currency; }

    public Instant getCreatedAt() { return createdAt; }

    void capture(long amount, Instant at) {
        if (status != Status.AUTHORIZED) {
            throw new IllegalStateException("authorization " + reference + " is " + status + " and cannot be captured");
        }
        if (amount <= 0 || amount > this.amount) {
            throw new IllegalStateException("capture of " + amount + " outside the authorized " + this.amount);
        }
        captured = amount;
        status = Status.CAPTURED;
        changedAt = at;
    }

    /** True when it changed; voiding a voided or refused authorization changes nothing. */
    boolean voidIt(Instant at) {
        if (status == Status.VOIDED || status == Status.REFUSED) {
            return false;
        }
        if (status != Status.AUTHORIZED) {
            throw new IllegalStateException("authorization " + reference + " is " + status + "; refund it instead");
        }
        status = Status.VOIDED;
        changedAt = at;
        return true;
    }

    void refund(long amount, Instant at) {
        if (status != Status.CAPTURED && status != Status.REFUNDED) {
            throw new IllegalStateException("authorization " + reference + " is " + status + " and has nothing to refund");
        }
        if (amount <= 0 || refunded + amount > captured) {
            throw new IllegalStateException("refund of " + amount + " exceeds what is left of " + captured);
        }
        refunded += amount;
        status = Status.REFUNDED;
        changedAt = at;
    }

    public Instant getChangedAt() { return changedAt; }

    public Long getId() { return id; }
}
