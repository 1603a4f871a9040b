package org.eticket.payment;

import org.eticket.platform.ValidationException;

/**
 * A primary account number checked by length and the Luhn digit. It lives only in memory
 * for the call to the acquirer: {@link #toString()} masks it and nothing persists it.
 */
public final class CardNumber {

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** Accepts spaces and dashes between digit groups, as cards print them. */
    public static CardNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("a card number is required");
        }
        String d = text.replaceAll("[ -]", "");
        if (!d.matches("[0-9]{12,19}")) {
            throw new ValidationException("a card number has 12 to 19 digits");
        }
        if (!luhn(d)) {
            throw new ValidationException("card number ending " + d.substring(d.length() - 4)
                    + " is mistyped (check digit does not match)");
        }
        return new CardNumber(d);
    }

    /** The Luhn (mod 10) check that every payment card number passes. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int n = c - '0';
            if (twice) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            twice = !twice;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    public String lastFour() {
        return digits.substring(digits.length() - 4);
    }

    /** The full number: for the acquirer call only. */
    String digits() {
        return digits;
    }

    @Override
    public String toString() {
        return "**** " + lastFour();
    }
}
