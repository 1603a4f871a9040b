package org.eticket.payment;

/** What an acquirer answered to an authorization. */
public enum PaymentOutcome {
    APPROVED,
    DECLINED,
    INSUFFICIENT_FUNDS,
    /** No answer in time: the center treats it as refused and voids, as the acquirer may have approved. */
    TIMEOUT;

    /** The buyer-facing reason (001 claim 16 (g): clear unavailability information). */
    public String reason() {
        return switch (this) {
            case APPROVED -> "approved";
            case DECLINED -> "the card was declined by its issuer";
            case INSUFFICIENT_FUNDS -> "the card has insufficient funds for this amount";
            case TIMEOUT -> "the card payment service did not answer in time; nothing was charged, please try again";
        };
    }
}
