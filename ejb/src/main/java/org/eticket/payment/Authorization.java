package org.eticket.payment;

/**
 * An acquirer's answer: its reference (to capture, void or refund), the card token and
 * last four digits that the order keeps instead of the number.
 */
public record Authorization(PaymentOutcome outcome, String reference, String cardToken, String lastFour, long amount) {

    public boolean approved() {
        return outcome == PaymentOutcome.APPROVED;
    }
}
