package org.eticket.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.junit.jupiter.api.Test;

class ConsecutiveSeatsTest {

    private static List<Cell> cells(String ranges) {
        return CellRanges.parse(ranges).cells();
    }

    private static String found(String ranges, int n) {
        return ConsecutiveSeats.bestFit(cells(ranges), n).map(CellRanges::fromCells).map(CellRanges::label).orElse("none");
    }

    @Test
    void takesTheShortestRunThatHoldsTheSeats() {
        // row 1 has 10 free, row 2 has 4 free, row 3 has 3 free: 4 seats go to row 2, leaving row 1 whole
        assertEquals("A2:D2", found("A1:J1, A2:D2, A3:C3", 4));
        assertEquals("A3:C3", found("A1:J1, A2:D2, A3:C3", 3));
        assertEquals("A1:E1", found("A1:J1, A2:D2, A3:C3", 5));
    }

    @Test
    void tiesGoToTheFrontRowThenTheLeftmostRun() {
        assertEquals("A1:C1", found("A1:C1, E1:G1, A2:C2", 3));
        assertEquals("B1:C1", found("B1:C1, E1:F1", 2));
    }

    @Test
    void aGapOrARowChangeBreaksARun() {
        // C1 is taken: A1:B1 and D1:F1 are separate runs; the end of row 1 and the start of row 2 never join
        assertEquals("D1:F1", found("A1:B1, D1:F1", 3));
        assertEquals("none", found("A1:B1, D1:E1", 3));
        assertEquals("none", found("Y1:Z1, A2", 3));
    }

    @Test
    void inputOrderAndDuplicatesDoNotMatter() {
        List<Cell> shuffled = new ArrayList<>(cells("A5:H5, C2:E2"));
        java.util.Collections.reverse(shuffled);
        shuffled.add(Cell.parse("D2"));
        assertEquals("C2:E2", CellRanges.fromCells(ConsecutiveSeats.bestFit(shuffled, 3).orElseThrow()).label());
        assertEquals(List.of(Cell.parse("C2"), Cell.parse("D2"), Cell.parse("E2")),
                ConsecutiveSeats.bestFit(Set.copyOf(shuffled), 3).orElseThrow(), "seats come left to right");
    }

    @Test
    void noSeatsOrABadCount() {
        assertTrue(ConsecutiveSeats.bestFit(List.of(), 1).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ConsecutiveSeats.bestFit(cells("A1"), 0));
        assertEquals("A1", found("A1", 1));
    }

    @Test
    void aStadiumOfFiftyThousandSeats() {
        // 50,000 free seats in 100 rows of 500, with row 100 broken into runs of 7: 7 seats go there
        List<Cell> free = new ArrayList<>(cells("A1:SF99"));
        for (int c = 1; c <= 500; c++) {
            if (c % 8 != 0) {
                free.add(Cell.of(100, c));
            }
        }
        List<Cell> seats = ConsecutiveSeats.bestFit(free, 7).orElseThrow();
        assertEquals("A100:G100", CellRanges.fromCells(seats).label());
        assertEquals("A1:H1", CellRanges.fromCells(ConsecutiveSeats.bestFit(free, 8).orElseThrow()).label());
    }
}
