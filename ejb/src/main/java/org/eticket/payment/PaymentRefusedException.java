package org.eticket.payment;

import org.eticket.platform.ConflictException;

/** The payment was refused (declined, insufficient funds or balance, no answer); nothing is charged and the sale rolls back. */
public class PaymentRefusedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final PaymentOutcome outcome;

    public PaymentRefusedException(PaymentOutcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public PaymentOutcome getOutcome() {
        return outcome;
    }
}
