package org.eticket.sales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the best N consecutive free seats (C11): side by side in one row, the row nearest
 * the stage (lowest row number) first, then the block nearest the row's centre.
 */
public final class SeatPicker {

    /** A free seat as the picker sees it. */
    public record Seat(long ticketId, int row, int column) {
    }

    private SeatPicker() {
    }

    /** The chosen seats, or an empty list when no row has {@code n} free seats side by side. */
    public static List<Seat> best(List<Seat> free, int n, int columns) {
        if (n <= 0) {
            throw new IllegalArgumentException("ask for at least one seat, not " + n);
        }
        Map<Integer, List<Seat>> byRow = new TreeMap<>();
        for (Seat s : free) {
            byRow.computeIfAbsent(s.row(), r -> new ArrayList<>()).add(s);
        }
        double centre = (columns + 1) / 2.0;
        for (List<Seat> row : byRow.values()) {
            row.sort(Comparator.comparingInt(Seat::column));
            List<Seat> best = null;
            double bestDistance = Double.MAX_VALUE;
            int runStart = 0;
            for (int i = 0; i < row.size(); i++) {
                if (i > 0 && row.get(i).column() != row.get(i - 1).column() + 1) {
                    runStart = i;
                }
                if (i - runStart + 1 >= n) {
                    int from = i - n + 1;
                    double middle = (row.get(from).column() + row.get(i).column()) / 2.0;
                    double distance = Math.abs(middle - centre);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = row.subList(from, i + 1);
                    }
                }
            }
            if (best != null) {
                return List.copyOf(best);
            }
        }
        return List.of();
    }
}
