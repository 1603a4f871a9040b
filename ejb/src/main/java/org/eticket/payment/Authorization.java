package org.eticket.payment;

/**
 * An acquirer's answer: its reference (to capture, void or refund), the card token and
 * last four digits that the order keeps instead of the number. {@code recorded} says whether
 * the acquirer's books hold it yet: an approval given for a sale whose transaction the
 * acquirer's books join ({@link PaymentGateway#authorizeForSale}) is written by that sale's
 * capture, or by the void when the sale fails; currency and description are kept for that.
 */
public record Authorization(PaymentOutcome outcome, String reference, String cardToken, String lastFour, long amount,
                            String currency, String description, boolean recorded) {

    public Authorization(PaymentOutcome outcome, String reference, String cardToken, String lastFour, long amount) {
        this(outcome, reference, cardToken, lastFour, amount, null, null, true);
    }

    public boolean approved() {
        return outcome == PaymentOutcome.APPROVED;
    }
}
