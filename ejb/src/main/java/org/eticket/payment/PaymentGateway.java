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
     * Captures as part of the caller's transaction, when the acquirer's books can join it (the
     * in-process test acquirer shares the platform's database): the capture then commits
     * exactly when the caller's sale does and is undone with it, and no transaction of its own
     * is needed. Returns false when the acquirer cannot; the caller then captures after its commit.
     * Throws when the authorization cannot be captured for that amount.
     */
    default boolean captureWithin(String reference, long amount) {
        return false;
    }

    /** Releases an authorization that was not captured; voiding twice is harmless. */
    void voidAuthorization(String reference);

    void refund(String reference, long amount);
}
