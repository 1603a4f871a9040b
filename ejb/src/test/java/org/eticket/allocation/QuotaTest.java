package org.eticket.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuotaTest {

    private static final String EXPECTED = "expected a number of seats (e.g. 120) or a percentage (e.g. 12.5%)";

    private static void assertParseFails(String input, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quota.parse(input), input);
        assertEquals(message, e.getMessage());
    }

    @Test
    void parsesNumberOfSeats() {
        Quota q = Quota.parse("120");
        assertEquals(Quota.Kind.SEATS, q.kind());
        assertEquals(120, q.amount());
        assertFalse(q.isRatio());
        assertEquals("120", q.label());
        assertEquals(Quota.ofSeats(7), Quota.parse(" 007 "));
        assertEquals(Quota.ofSeats(0), Quota.parse("0"));
        assertEquals(Quota.ofSeats(Integer.MAX_VALUE), Quota.parse("2147483647"));
    }

    @Test
    void parsesPercentageExactly() {
        Quota q = Quota.parse("12.5%");
        assertEquals(Quota.Kind.RATIO, q.kind());
        assertEquals(1250, q.amount());
        assertTrue(q.isRatio());
        assertEquals("12.5%", q.label());
        assertEquals(Quota.ofBasisPoints(1250), Quota.parse("12.50%"));
        assertEquals(Quota.ofBasisPoints(1250), Quota.parse(" 12.5 % "));
        assertEquals(Quota.ofBasisPoints(1234), Quota.parse("12.340%"));
        assertEquals(Quota.ofBasisPoints(10_000), Quota.parse("100%"));
        assertEquals(Quota.ofBasisPoints(10_000), Quota.parse("100.00%"));
        assertEquals(Quota.ofBasisPoints(1), Quota.parse("0.01%"));
        assertEquals(Quota.ofBasisPoints(3333), Quota.parse("33.33%"));
        assertEquals(Quota.ofBasisPoints(500), Quota.parse("05%"));
        assertEquals("10%", Quota.parse("10.0%").label());
        assertEquals("0.05%", Quota.ofBasisPoints(5).label());
        assertEquals("0.5%", Quota.ofBasisPoints(50).label());
    }

    @Test
    void everyPercentageLabelRoundTrips() {
        for (int bp = 1; bp <= Quota.FULL; bp++) {
            Quota q = Quota.ofBasisPoints(bp);
            assertEquals(q, Quota.parse(q.label()), q.label());
            assertTrue(q.label().length() <= 16, q.label()); // fits the stored column
        }
        for (int n : new int[] {0, 1, 9, 10, 600, 123_456, Integer.MAX_VALUE}) {
            assertEquals(Quota.ofSeats(n), Quota.parse(Quota.ofSeats(n).label()));
        }
    }

    @Test
    void shareRoundsDown() {
        assertEquals(60, Quota.parse("10%").limit(600));
        assertEquals(0, Quota.parse("12.5%").limit(7));      // 0.875
        assertEquals(1, Quota.parse("12.5%").limit(8));
        assertEquals(33, Quota.parse("33.33%").limit(100)); // 33.33
        assertEquals(333, Quota.parse("33.33%").limit(1000)); // 333.3
        assertEquals(0, Quota.parse("0.01%").limit(9_999));
        assertEquals(1, Quota.parse("0.01%").limit(10_000));
        assertEquals(66, Quota.parse("66.67%").limit(99)); // 66.0033
        assertEquals(0, Quota.parse("50%").limit(0));
        assertEquals(Integer.MAX_VALUE, Quota.parse("100%").limit(Integer.MAX_VALUE));
        assertEquals(1_073_741_823, Quota.parse("50%").limit(Integer.MAX_VALUE));
    }

    @Test
    void numberQuotaIsNotCappedByCapacity() {
        assertEquals(120, Quota.parse("120").limit(100));
        assertEquals(120, Quota.parse("120").limit(0));
    }

    @Test
    void remaining() {
        Quota tenPercent = Quota.parse("10%");
        assertEquals(60, tenPercent.remaining(600, 0));
        assertEquals(30, tenPercent.remaining(600, 30));
        assertEquals(0, tenPercent.remaining(600, 60));
        assertEquals(0, tenPercent.remaining(600, 70)); // quota lowered below holdings
        assertEquals(20, Quota.parse("120").remaining(600, 100));
        assertTrue(tenPercent.allows(600, 30, 30));
        assertFalse(tenPercent.allows(600, 30, 31));
        assertTrue(tenPercent.allows(600, 60, 0));
    }

    @Test
    void checkPassesWithinQuota() {
        Quota.parse("10%").check("Fan Club", 600, 30, 30);
        Quota.parse("0").check("Fan Club", 600, 0, 0);
    }

    @Test
    void checkExplainsPercentageQuota() {
        QuotaExceededException e = assertThrows(QuotaExceededException.class,
                () -> Quota.parse("10%").check("Fan Club", 600, 30, 45));
        assertEquals("seller \"Fan Club\" may take 30 more seats under its quota of 10% (60 of 600); 45 requested",
                e.getMessage());
        assertEquals("Fan Club", e.seller());
        assertEquals(Quota.parse("10%"), e.quota());
        assertEquals(600, e.capacity());
        assertEquals(30, e.allocated());
        assertEquals(45, e.requested());
        assertEquals(30, e.remaining());
    }

    @Test
    void checkExplainsNumberQuotaAndSingularAndNone() {
        assertEquals("seller \"Ticket Co\" may take 20 more seats under its quota of 120 seats; 21 requested",
                assertThrows(QuotaExceededException.class,
                        () -> Quota.parse("120").check("Ticket Co", 600, 100, 21)).getMessage());
        assertEquals("seller \"Ticket Co\" may take 1 more seat under its quota of 1 seat; 2 requested",
                assertThrows(QuotaExceededException.class,
                        () -> Quota.parse("1").check("Ticket Co", 600, 0, 2)).getMessage());
        assertEquals("seller \"Fan Club\" may take no more seats under its quota of 12.5% (75 of 600); 1 requested",
                assertThrows(QuotaExceededException.class,
                        () -> Quota.parse("12.5%").check("Fan Club", 600, 80, 1)).getMessage());
        assertEquals("seller \"Fan Club\" may take no more seats under its quota of 0 seats; 1 requested",
                assertThrows(QuotaExceededException.class,
                        () -> Quota.parse("0").check("Fan Club", 600, 0, 1)).getMessage());
    }

    @Test
    void describe() {
        assertEquals("10% (60 of 600)", Quota.parse("10%").describe(600));
        assertEquals("120 seats", Quota.parse("120").describe(600));
        assertEquals("12.5%", Quota.parse("12.5%").toString());
    }

    @Test
    void malformedInputIsExplained() {
        assertParseFails(null, "no quota given: " + EXPECTED);
        assertParseFails("", "no quota given: " + EXPECTED);
        assertParseFails("  ", "no quota given: " + EXPECTED);
        assertParseFails("abc", "\"abc\" is not a quota: " + EXPECTED);
        assertParseFails("%", "\"%\" is not a quota: " + EXPECTED);
        assertParseFails("1e3", "\"1e3\" is not a quota: " + EXPECTED);
        assertParseFails("12,5%", "\"12,5%\" is not a quota: " + EXPECTED);
        assertParseFails("+5", "\"+5\" is not a quota: " + EXPECTED);
        assertParseFails("5%%", "\"5%%\" is not a quota: " + EXPECTED);
        assertParseFails("-5", "\"-5\" is not a quota: a number of seats cannot be negative");
        assertParseFails("12.5", "\"12.5\" is not a quota: a number of seats must be whole (for a share of capacity write 12.5%)");
        assertParseFails("2147483648", "\"2147483648\" is not a quota: at most 2147483647 seats");
        assertParseFails("99999999999999999999", "\"99999999999999999999\" is not a quota: at most 2147483647 seats");
    }

    @Test
    void percentageOutOfRangeIsExplained() {
        String range = " is not a quota: a percentage must be more than 0% and at most 100%";
        assertParseFails("0%", "\"0%\"" + range);
        assertParseFails("0.00%", "\"0.00%\"" + range);
        assertParseFails("-5%", "\"-5%\"" + range);
        assertParseFails("100.01%", "\"100.01%\"" + range);
        assertParseFails("101%", "\"101%\"" + range);
        assertParseFails("12345%", "\"12345%\"" + range);
        assertParseFails("12.345%", "\"12.345%\" is not a quota: a percentage has at most 2 decimals");
    }

    @Test
    void constructorValidates() {
        assertEquals("a quota cannot be a negative number of seats: -1",
                assertThrows(IllegalArgumentException.class, () -> Quota.ofSeats(-1)).getMessage());
        assertEquals("a quota share must be more than 0% and at most 100%, not 0%",
                assertThrows(IllegalArgumentException.class, () -> Quota.ofBasisPoints(0)).getMessage());
        assertEquals("a quota share must be more than 0% and at most 100%, not 100.01%",
                assertThrows(IllegalArgumentException.class, () -> Quota.ofBasisPoints(10_001)).getMessage());
        assertThrows(NullPointerException.class, () -> new Quota(null, 1));
    }

    @Test
    void negativeCountsAreProgrammingErrors() {
        Quota q = Quota.parse("10%");
        assertThrows(IllegalArgumentException.class, () -> q.limit(-1));
        assertThrows(IllegalArgumentException.class, () -> q.remaining(600, -1));
        assertThrows(IllegalArgumentException.class, () -> q.allows(600, 0, -1));
        assertThrows(NullPointerException.class, () -> q.check(null, 600, 0, 1));
    }
}
