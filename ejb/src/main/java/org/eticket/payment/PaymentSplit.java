package org.eticket.payment;

import org.eticket.platform.ValidationException;

/**
 * How an order's total is paid: reward points first (a discount, or the whole price), the
 * rest in money by card or e-money. All amounts in minor units.
 */
public record PaymentSplit(long total, long points, long money) {

    public static PaymentSplit of(long total, long pointsRequested) {
        if (total < 0) {
            throw new IllegalArgumentException("total cannot be negative: " + total);
        }
        if (pointsRequested < 0) {
            throw new ValidationException("points to use cannot be negative, was " + pointsRequested);
        }
        if (pointsRequested > total) {
            throw new ValidationException(pointsRequested + " points are more than the price " + total);
        }
        return new PaymentSplit(total, pointsRequested, total - pointsRequested);
    }
}
