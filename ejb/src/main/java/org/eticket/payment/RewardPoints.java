package org.eticket.payment;

/**
 * Reward points (000 claims 8-10): earned on what a buyer paid in money (card or e-money)
 * at a rate in basis points of the amount, rounded down; one point pays one minor unit,
 * for the whole price or as a discount.
 */
public record RewardPoints(int earnBasisPoints) {

    public RewardPoints {
        if (earnBasisPoints < 0 || earnBasisPoints > 10_000) {
            throw new IllegalArgumentException("the points rate is 0 to 10000 basis points, not " + earnBasisPoints);
        }
    }

    public long earnedOn(long paidInMoney) {
        if (paidInMoney < 0) {
            throw new IllegalArgumentException("paid amount cannot be negative: " + paidInMoney);
        }
        return Math.multiplyExact(paidInMoney, (long) earnBasisPoints) / 10_000;
    }
}
