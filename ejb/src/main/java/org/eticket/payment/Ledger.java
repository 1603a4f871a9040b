package org.eticket.payment;

import java.util.List;

/** The rules of a ledger account, apart from storage: the balance is derived, never stored. */
public final class Ledger {

    private Ledger() {
    }

    public static long balance(List<Long> movements) {
        long sum = 0;
        for (long m : movements) {
            sum = Math.addExact(sum, m);
        }
        return sum;
    }

    /** The signed movement of a spend, or a refusal naming what is missing. */
    public static long spend(long balance, long amount, LedgerAccount.Kind kind) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a spend must be positive, not " + amount);
        }
        if (amount > balance) {
            throw new PaymentRefusedException(PaymentOutcome.INSUFFICIENT_FUNDS, kind == LedgerAccount.Kind.POINTS
                    ? "not enough reward points: " + balance + " available, " + amount + " needed"
                    : "not enough e-money: balance " + balance + ", " + amount + " needed");
        }
        return -amount;
    }

    public static long credit(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a credit must be positive, not " + amount);
        }
        return amount;
    }
}
