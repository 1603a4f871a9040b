package org.eticket.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The documented test cards and the life of an authorization at the acquirer. */
class TestAcquirerTest {

    private static final Instant T = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void eachDocumentedCardGivesItsOutcome() {
        assertEquals(PaymentOutcome.APPROVED, TestCards.outcomeFor(CardNumber.parse(TestCards.APPROVE)));
        assertEquals(PaymentOutcome.DECLINED, TestCards.outcomeFor(CardNumber.parse(TestCards.DECLINE)));
        assertEquals(PaymentOutcome.INSUFFICIENT_FUNDS, TestCards.outcomeFor(CardNumber.parse(TestCards.INSUFFICIENT_FUNDS)));
        assertEquals(PaymentOutcome.TIMEOUT, TestCards.outcomeFor(CardNumber.parse(TestCards.TIMEOUT)));
        assertEquals(PaymentOutcome.APPROVED, TestCards.outcomeFor(CardNumber.parse("5555555555554444")), "any other valid card");
    }

    @Test
    void everyRefusalHasAReasonForTheBuyer() {
        for (PaymentOutcome o : PaymentOutcome.values()) {
            assertFalse(o.reason().isBlank(), o.name());
        }
        assertTrue(PaymentOutcome.TIMEOUT.reason().contains("nothing was charged"));
    }

    @Test
    void anApprovedAuthorizationIsCapturedThenRefundedUpToTheCapture() {
        AcquirerTransaction a = new AcquirerTransaction("R1", "tok", "1111", PaymentOutcome.APPROVED, 9000, "JPY", "order 1", T);
        assertEquals(AcquirerTransaction.Status.AUTHORIZED, a.getStatus());
        assertThrows(IllegalStateException.class, () -> a.capture(9001, T), "more than authorized");
        a.capture(9000, T);
        assertEquals(AcquirerTransaction.Status.CAPTURED, a.getStatus());
        assertThrows(IllegalStateException.class, () -> a.voidIt(T), "a capture is refunded, not voided");
        a.refund(4000, T);
        a.refund(5000, T);
        assertEquals(9000, a.getRefunded());
        assertThrows(IllegalStateException.class, () -> a.refund(1, T));
    }

    @Test
    void aTimedOutAuthorizationIsOpenAtTheAcquirerUntilVoided() {
        AcquirerTransaction a = new AcquirerTransaction("R2", "tok", "0119", PaymentOutcome.TIMEOUT, 6000, "JPY", "order 2", T);
        assertEquals(AcquirerTransaction.Status.AUTHORIZED, a.getStatus(), "approved, only the answer was lost");
        assertTrue(a.voidIt(T));
        assertFalse(a.voidIt(T), "voiding twice changes nothing");
        assertThrows(IllegalStateException.class, () -> a.capture(6000, T));
    }

    @Test
    void refusalsLeaveNothingToCaptureOrVoid() {
        for (PaymentOutcome o : new PaymentOutcome[] {PaymentOutcome.DECLINED, PaymentOutcome.INSUFFICIENT_FUNDS}) {
            AcquirerTransaction a = new AcquirerTransaction("R3", "tok", "0002", o, 6000, "JPY", "order 3", T);
            assertEquals(AcquirerTransaction.Status.REFUSED, a.getStatus());
            assertThrows(IllegalStateException.class, () -> a.capture(6000, T));
            assertFalse(a.voidIt(T));
        }
    }
}
