package org.eticket.payment;

import java.time.YearMonth;
import org.eticket.platform.ValidationException;

/**
 * Card details as a buyer types them, checked before any acquirer is asked: number (Luhn),
 * expiry (a card is valid through the last day of its expiry month), security code.
 */
public record Card(CardNumber number, YearMonth expiry, String holder) {

    public static Card of(String number, Integer expiryMonth, Integer expiryYear, String cvc, String holder, YearMonth now) {
        CardNumber n = CardNumber.parse(number);
        if (expiryMonth == null || expiryYear == null) {
            throw new ValidationException("the card's expiry month and year are required");
        }
        if (expiryMonth < 1 || expiryMonth > 12) {
            throw new ValidationException("expiry month must be 1 to 12, was " + expiryMonth);
        }
        if (expiryYear < 0 || expiryYear > 9999) {
            throw new ValidationException("expiry year is the card's 2 or 4 digits, was " + expiryYear);
        }
        int year = expiryYear < 100 ? 2000 + expiryYear : expiryYear;
        YearMonth expiry = YearMonth.of(year, expiryMonth);
        if (expiry.isBefore(now)) {
            throw new ValidationException("the card expired at the end of " + expiry);
        }
        if (expiry.isAfter(now.plusYears(20))) {
            throw new ValidationException("expiry " + expiry + " is too far ahead to be a real card");
        }
        if (cvc == null || !cvc.matches("[0-9]{3,4}")) {
            throw new ValidationException("the security code has 3 or 4 digits");
        }
        return new Card(n, expiry, holder == null ? "" : holder.strip());
    }
}
