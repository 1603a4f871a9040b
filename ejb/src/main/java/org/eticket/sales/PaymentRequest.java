package org.eticket.sales;

/**
 * How the buyer pays: {@code points} reward points first (0 for none; the whole price pays
 * with points only), the rest by {@link Method#CARD} or from the {@link Method#E_MONEY}
 * wallet. Card fields are read once for the acquirer and never stored.
 */
public record PaymentRequest(Method method, Long points, String cardNumber, Integer expiryMonth, Integer expiryYear,
                             String cvc, String cardHolder) {

    public enum Method { CARD, E_MONEY, POINTS }

    public long pointsOrZero() {
        return points == null ? 0 : points;
    }
}
