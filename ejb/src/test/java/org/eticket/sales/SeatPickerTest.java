package org.eticket.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Best consecutive seats, and the download window's verdicts. */
class SeatPickerTest {

    private static List<SeatPicker.Seat> row(int row, int... columns) {
        List<SeatPicker.Seat> seats = new ArrayList<>();
        for (int c : columns) {
            seats.add(new SeatPicker.Seat(row * 100L + c, row, c));
        }
        return seats;
    }

    private static List<Integer> columns(List<SeatPicker.Seat> seats) {
        return seats.stream().map(SeatPicker.Seat::column).toList();
    }

    @Test
    void picksTheFrontRowThenTheCentre() {
        List<SeatPicker.Seat> free = new ArrayList<>(row(7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        free.addAll(row(6, 1, 2, 9, 10));
        List<SeatPicker.Seat> best = SeatPicker.best(free, 2, 10);
        assertEquals(6, best.get(0).row(), "front row first");
        assertEquals(List.of(1, 2), columns(best), "the block nearest the centre in that row (tie: leftmost)");
        List<SeatPicker.Seat> three = SeatPicker.best(free, 3, 10);
        assertEquals(7, three.get(0).row(), "row 6 has no three side by side");
        assertEquals(List.of(4, 5, 6), columns(three));
    }

    @Test
    void gapsBreakARun() {
        assertEquals(List.of(), SeatPicker.best(row(3, 1, 2, 4, 5, 7, 8), 3, 10));
        assertEquals(List.of(4, 5, 6), columns(SeatPicker.best(row(3, 1, 2, 4, 5, 6, 9), 3, 10)));
        assertThrows(IllegalArgumentException.class, () -> SeatPicker.best(row(1, 1), 0, 10));
    }

    @Test
    void theDownloadWindowOpensAfterTheDelayAndClosesByTheStart() {
        Instant bought = Instant.parse("2026-11-21T10:00:00Z");
        Instant start = Instant.parse("2026-12-19T09:00:00Z");
        DownloadWindow w = DownloadWindow.after(bought, Duration.ofHours(2), Duration.ofDays(3), start);
        assertEquals(bought.plus(Duration.ofHours(2)), w.opens());
        assertEquals(w.opens().plus(Duration.ofDays(3)), w.closes());
        assertEquals(DownloadWindow.Verdict.EARLY, w.at(bought.plusSeconds(60)));
        assertEquals(DownloadWindow.Verdict.OPEN, w.at(w.opens()));
        assertEquals(DownloadWindow.Verdict.EXPIRED, w.at(w.closes()));

        DownloadWindow immediate = DownloadWindow.after(bought, Duration.ZERO, Duration.ofDays(60), start);
        assertEquals(DownloadWindow.Verdict.OPEN, immediate.at(bought), "0 = immediate download");
        assertEquals(start, immediate.closes(), "never after the performance starts");

        DownloadWindow late = DownloadWindow.after(start.minusSeconds(600), Duration.ofHours(1), Duration.ofDays(1), start);
        assertTrue(late.at(start.minusSeconds(600)) == DownloadWindow.Verdict.OPEN,
                "bought just before the start: the delay is waived so the ticket can reach the card");
    }
}
