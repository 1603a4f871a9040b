package org.eticket.payment;

import java.util.Map;

/**
 * The built-in test acquirer's documented card numbers (all pass the Luhn check; any
 * future expiry and any 3-digit code). Any other valid number is approved.
 *
 * <pre>
 * 4111 1111 1111 1111  approved
 * 4000 0000 0000 0002  declined
 * 4000 0000 0000 9995  insufficient funds
 * 4000 0000 0000 0119  time out (no answer; the center voids the authorization)
 * </pre>
 */
public final class TestCards {

    public static final String APPROVE = "4111111111111111";
    public static final String DECLINE = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String TIMEOUT = "4000000000000119";

    public static final Map<String, PaymentOutcome> OUTCOMES = Map.of(
            APPROVE, PaymentOutcome.APPROVED,
            DECLINE, PaymentOutcome.DECLINED,
            INSUFFICIENT_FUNDS, PaymentOutcome.INSUFFICIENT_FUNDS,
            TIMEOUT, PaymentOutcome.TIMEOUT);

    private TestCards() {
    }

    /** What the test acquirer answers for this card. */
    public static PaymentOutcome outcomeFor(CardNumber number) {
        return OUTCOMES.getOrDefault(number.digits(), PaymentOutcome.APPROVED);
    }
}
