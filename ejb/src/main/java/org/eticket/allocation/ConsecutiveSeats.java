package org.eticket.allocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eticket.catalog.grid.Cell;

/**
 * Finds N consecutive seats for "allocate N consecutive seats of type X to seller Y" (C6):
 * N seats in one row at adjacent columns, all among the candidates (free seats of the type).
 * <p>
 * Best fit: of the runs of adjacent free seats that hold N, the shortest one is taken, so a
 * long block stays whole for a later large request and fewer single seats are stranded; among
 * runs of the same length the front-most row wins, then the leftmost column. Within the chosen
 * run the seats are taken from its left end.
 */
public final class ConsecutiveSeats {

    private ConsecutiveSeats() {
    }

    /** The chosen seats, left to right, or empty when no row has N adjacent candidates. */
    public static Optional<List<Cell>> bestFit(Collection<Cell> candidates, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of consecutive seats must be 1 or more, not " + count);
        }
        Cell bestStart = null;
        int bestLength = Integer.MAX_VALUE;
        Cell runStart = null;
        Cell previous = null;
        int length = 0;
        // one pass in row-major order; a run ends where the row changes or a column is skipped
        for (Cell c : new TreeSet<>(candidates)) {
            if (previous != null && c.row() == previous.row() && c.column() == previous.column() + 1) {
                length++;
            } else {
                if (length >= count && length < bestLength) {
                    bestStart = runStart;
                    bestLength = length;
                }
                runStart = c;
                length = 1;
            }
            previous = c;
        }
        if (length >= count && length < bestLength) {
            bestStart = runStart;
        }
        if (bestStart == null) {
            return Optional.empty();
        }
        List<Cell> seats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            seats.add(Cell.of(bestStart.row(), bestStart.column() + i));
        }
        return Optional.of(seats);
    }
}
