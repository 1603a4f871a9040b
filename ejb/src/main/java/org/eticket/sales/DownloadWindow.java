package org.eticket.sales;

import java.time.Instant;
import java.time.Duration;

/**
 * When a buyer may download a sold ticket to a card (Fig 15, S1503): opens a set delay after
 * the purchase and closes after the window's length, never after the performance starts.
 */
public record DownloadWindow(Instant opens, Instant closes) {

    public enum Verdict { EARLY, OPEN, EXPIRED }

    public static DownloadWindow after(Instant purchasedAt, Duration delay, Duration length, Instant performanceStart) {
        Instant opens = purchasedAt.plus(delay);
        Instant closes = opens.plus(length);
        if (performanceStart != null && closes.isAfter(performanceStart)) {
            closes = performanceStart;
        }
        if (closes.isBefore(opens)) {
            // sold so close to the start that the delay would pass it: download at once until the start
            opens = purchasedAt;
            closes = performanceStart != null && performanceStart.isAfter(purchasedAt) ? performanceStart : purchasedAt.plus(length);
        }
        return new DownloadWindow(opens, closes);
    }

    public Verdict at(Instant now) {
        if (now.isBefore(opens)) {
            return Verdict.EARLY;
        }
        return now.isBefore(closes) ? Verdict.OPEN : Verdict.EXPIRED;
    }
}
