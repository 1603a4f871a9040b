package org.eticket.payment;

/**
 * The charge-transfer terminal of seed 001 (claims 16, 21): authorize a card for an
 * amount, then capture it, or void it when the sale does not complete; refund after
 * capture. The acquirer is another party with its own books, so implementations keep
 * their records outside the caller's transaction.
 */
public interface PaymentGateway {

    /** Never throws for a refusal: the outcome says it. Invalid card data is refused before. */
    Authorization authorize(Card card, long amount, String currency, String description);

    void capture(String reference, long amount);

    /**
     * Authorizes for a sale that runs in a transaction of the platform's database. An acquirer
     * whose books live in that database (the in-process test acquirer) records an approval only
     * with the sale: {@link #captureWithin} writes it captured in the sale's transaction, and
     * {@link #voidAuthorization(Authorization)} writes it voided when the sale fails; so the sale
     * needs no transaction of the acquirer's own. Refusals and time-outs are recorded at once.
     * Any other acquirer authorizes as {@link #authorize} does.
     */
    default Authorization authorizeForSale(Card card, long amount, String currency, String description) {
        return authorize(card, amount, currency, description);
    }

    /**
     * Captures as part of the caller's transaction, when the acquirer's books can join it: the
     * capture then commits exactly when the caller's sale does and is undone with it. Returns
     * false when the acquirer cannot; the caller then captures after its commit. Throws when
     * the authorization cannot be captured for that amount.
     */
    default boolean captureWithin(Authorization authorization, long amount) {
        return false;
    }

    /** Releases an authorization whose sale failed (recorded now if the acquirer had not yet). */
    default void voidAuthorization(Authorization authorization) {
        voidAuthorization(authorization.reference());
    }

    /** Releases an authorization that was not captured; voiding twice is harmless. */
    void voidAuthorization(String reference);

    void refund(String reference, long amount);
}
