package org.eticket.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.eticket.platform.ValidationException;
import org.junit.jupiter.api.Test;

class CardTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void luhnAcceptsRealNumbersAndRefusesOneWrongDigit() {
        assertTrue(CardNumber.luhn("4111111111111111"));
        assertTrue(CardNumber.luhn("5555555555554444"));
        assertTrue(CardNumber.luhn("378282246310005"));
        assertFalse(CardNumber.luhn("4111111111111112"));
        assertFalse(CardNumber.luhn("4111111111111121"), "two swapped digits");
        assertFalse(CardNumber.luhn(""));
        assertFalse(CardNumber.luhn("41111111111x1111"));
    }

    @Test
    void everyDocumentedTestCardPassesLuhn() {
        for (String n : TestCards.OUTCOMES.keySet()) {
            assertTrue(CardNumber.luhn(n), n);
        }
    }

    @Test
    void parseAcceptsGroupsAndMasksTheNumber() {
        CardNumber n = CardNumber.parse("4111 1111-1111 1111");
        assertEquals("1111", n.lastFour());
        assertEquals("**** 1111", n.toString());
        assertFalse(n.toString().contains("4111"));
    }

    @Test
    void parseRefusesMistypedOrMalformedNumbers() {
        assertTrue(assertThrows(ValidationException.class, () -> CardNumber.parse("4111111111111112")).getMessage()
                .contains("check digit"));
        assertThrows(ValidationException.class, () -> CardNumber.parse("4111"));
        assertThrows(ValidationException.class, () -> CardNumber.parse("4111abcd11111111"));
        assertThrows(ValidationException.class, () -> CardNumber.parse(null));
        assertThrows(ValidationException.class, () -> CardNumber.parse("41111111111111111111"));
    }

    @Test
    void aCardIsValidThroughItsExpiryMonth() {
        assertEquals(YearMonth.of(2026, 11), Card.of(TestCards.APPROVE, 11, 2026, "123", "A", NOW).expiry());
        assertEquals(YearMonth.of(2027, 1), Card.of(TestCards.APPROVE, 1, 27, "123", "A", NOW).expiry(), "two-digit year");
        ValidationException expired = assertThrows(ValidationException.class,
                () -> Card.of(TestCards.APPROVE, 10, 2026, "123", "A", NOW));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 13, 2027, "123", "A", NOW));
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 0, 2027, "123", "A", NOW));
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, null, 2027, "123", "A", NOW));
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 1, 2099, "123", "A", NOW));
        // years no calendar holds were a DateTimeException, answered 500
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 1, 2_000_000_000, "123", "A", NOW));
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 1, -2_000_000_000, "123", "A", NOW));
    }

    @Test
    void theSecurityCodeHasThreeOrFourDigits() {
        Card.of(TestCards.APPROVE, 1, 2028, "1234", "A", NOW);
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 1, 2028, "12", "A", NOW));
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 1, 2028, "12a", "A", NOW));
        assertThrows(ValidationException.class, () -> Card.of(TestCards.APPROVE, 1, 2028, null, "A", NOW));
    }
}
