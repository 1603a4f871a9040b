package org.eticket.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eticket.platform.ValidationException;
import org.junit.jupiter.api.Test;

/** Ledger rules, reward points and the split of a price between points and money. */
class LedgerTest {

    @Test
    void theBalanceIsTheSumOfTheMovements() {
        List<Long> movements = new ArrayList<>();
        assertEquals(0, Ledger.balance(movements));
        movements.add(Ledger.credit(10_000));
        movements.add(Ledger.spend(Ledger.balance(movements), 9_000, LedgerAccount.Kind.E_MONEY));
        movements.add(Ledger.credit(500));
        assertEquals(1_500, Ledger.balance(movements));
        assertEquals(List.of(10_000L, -9_000L, 500L), movements, "every movement kept, none edited");
    }

    @Test
    void aSpendBeyondTheBalanceIsRefusedWithWhatIsMissing() {
        PaymentRefusedException e = assertThrows(PaymentRefusedException.class,
                () -> Ledger.spend(8_999, 9_000, LedgerAccount.Kind.E_MONEY));
        assertEquals(PaymentOutcome.INSUFFICIENT_FUNDS, e.getOutcome());
        assertTrue(e.getMessage().contains("8999") && e.getMessage().contains("9000"), e.getMessage());
        assertTrue(assertThrows(PaymentRefusedException.class, () -> Ledger.spend(0, 1, LedgerAccount.Kind.POINTS))
                .getMessage().contains("points"));
        assertEquals(-9_000, Ledger.spend(9_000, 9_000, LedgerAccount.Kind.E_MONEY), "exactly the balance");
        assertThrows(IllegalArgumentException.class, () -> Ledger.spend(100, 0, LedgerAccount.Kind.E_MONEY));
        assertThrows(IllegalArgumentException.class, () -> Ledger.credit(-1));
    }

    @Test
    void pointsAreEarnedAtTheConfiguredRateRoundedDown() {
        assertEquals(120, new RewardPoints(100).earnedOn(12_000), "1%");
        assertEquals(89, new RewardPoints(100).earnedOn(8_999));
        assertEquals(0, new RewardPoints(0).earnedOn(12_000));
        assertEquals(600, new RewardPoints(500).earnedOn(12_000), "5%");
        assertThrows(IllegalArgumentException.class, () -> new RewardPoints(-1));
        assertThrows(IllegalArgumentException.class, () -> new RewardPoints(10_001));
    }

    @Test
    void pointsPayTheWholePriceOrADiscount() {
        assertEquals(new PaymentSplit(9_000, 9_000, 0), PaymentSplit.of(9_000, 9_000));
        assertEquals(new PaymentSplit(9_000, 1_000, 8_000), PaymentSplit.of(9_000, 1_000));
        assertEquals(new PaymentSplit(9_000, 0, 9_000), PaymentSplit.of(9_000, 0));
        assertThrows(ValidationException.class, () -> PaymentSplit.of(9_000, 9_001));
        assertThrows(ValidationException.class, () -> PaymentSplit.of(9_000, -1));
    }
}
