package org.eticket.catalog.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CellRangeTest {

    private static CellRange r(String text) {
        return CellRange.parse(text);
    }

    private static void assertParseFails(String input, String message) {
        GridException e = assertThrows(GridException.class, () -> CellRange.parse(input), input);
        assertEquals(message, e.getMessage());
    }

    @Test
    void parsesRange() {
        CellRange range = r("A2:G7");
        assertEquals(Cell.of(2, 1), range.from());
        assertEquals(Cell.of(7, 7), range.to());
        assertEquals(6, range.rowCount());
        assertEquals(7, range.columnCount());
        assertEquals(42, range.size());
        assertEquals("A2:G7", range.label());
    }

    @Test
    void cornersAreNormalised() {
        assertEquals(r("A2:G7"), r("G7:A2"));
        assertEquals(r("A2:G7"), r("A7:G2"));
        assertEquals(r("A2:G7"), r("G2:A7"));
        assertEquals("A2:G7", r("G7:A2").label());
        assertEquals(r("A2:G7"), CellRange.of(Cell.of(7, 7), Cell.of(2, 1)));
    }

    @Test
    void singleCellRangePrintsAsCell() {
        assertEquals("C3", r("C3").label());
        assertEquals("C3", r("C3:C3").label());
        assertEquals(r("C3"), CellRange.of(Cell.of(3, 3)));
        assertTrue(r("C3").isSingleCell());
        assertEquals(1, r("C3").size());
    }

    @Test
    void toleratesWhitespaceAndCase() {
        assertEquals(r("B1:F1"), r("  b1 : f1 "));
    }

    @Test
    void cellsAreRowMajor() {
        assertEquals(List.of(Cell.parse("B2"), Cell.parse("C2"), Cell.parse("D2"), Cell.parse("B3"),
                Cell.parse("C3"), Cell.parse("D3")), r("D3:B2").cells());
        assertEquals(List.of(Cell.parse("C3")), r("C3").cells());
        assertThrows(IndexOutOfBoundsException.class, () -> r("A1:B2").cells().get(4));
    }

    @Test
    void largeRangeIsListedLazily() {
        CellRange wide = r("A1:XFD100");
        List<Cell> cells = wide.cells();
        assertEquals(1_638_400, cells.size());
        assertEquals(Cell.parse("XFD100"), cells.get(cells.size() - 1));
        assertEquals(Cell.parse("A2"), cells.get(16_384));
    }

    @Test
    void wholeGridHasALongSizeAndCannotBeListed() {
        CellRange all = r("A1:XFD1000000");
        assertEquals(16_384_000_000L, all.size());
        GridException e = assertThrows(GridException.class, all::cells);
        assertEquals("range A1:XFD1000000 has 16384000000 cells, too many to list", e.getMessage());
    }

    @Test
    void containsCellsAndRanges() {
        CellRange range = r("B2:D4");
        assertTrue(range.contains(Cell.parse("B2")));
        assertTrue(range.contains(Cell.parse("D4")));
        assertTrue(range.contains(Cell.parse("C3")));
        assertFalse(range.contains(Cell.parse("A2")));
        assertFalse(range.contains(Cell.parse("E4")));
        assertFalse(range.contains(Cell.parse("B5")));
        assertFalse(range.contains(Cell.parse("B1")));
        assertTrue(range.contains(r("C3:D4")));
        assertFalse(range.contains(r("C3:E4")));
    }

    @Test
    void overlapsAndIntersection() {
        assertTrue(r("A1:D4").overlaps(r("C3:F6")));
        assertTrue(r("C3:F6").overlaps(r("A1:D4")));
        assertEquals(Optional.of(r("C3:D4")), r("A1:D4").intersection(r("C3:F6")));
        assertTrue(r("A1:A1").overlaps(r("A1")));
        // edge to edge is not an overlap
        assertFalse(r("A1:B2").overlaps(r("C1:D2")));
        assertFalse(r("A1:B2").overlaps(r("A3:B4")));
        assertFalse(r("A1:B2").overlaps(r("C3")));
        assertEquals(Optional.empty(), r("A1:B2").intersection(r("C1:D2")));
        // a cross: neither contains a corner of the other
        assertEquals(Optional.of(r("C3:D4")), r("A3:F4").intersection(r("C1:D6")));
    }

    @Test
    void blankIsRejected() {
        assertParseFails("", "no range given: expected e.g. B1:F1");
        assertParseFails(" ", "no range given: expected e.g. B1:F1");
        assertParseFails(null, "no range given: expected e.g. B1:F1");
    }

    @Test
    void malformedRangesAreRejected() {
        assertParseFails("A1-B2", "\"A1-B2\" is not a range: expected e.g. B1:F1");
        assertParseFails("A1:B2:C3", "\"A1:B2:C3\" is not a range: expected e.g. B1:F1");
        assertParseFails("A1..B2", "\"A1..B2\" is not a range: expected e.g. B1:F1");
        assertParseFails("A1:", "\"A1:\" is not a range: a cell is missing on one side of \":\", expected e.g. B1:F1");
        assertParseFails(":B2", "\":B2\" is not a range: a cell is missing on one side of \":\", expected e.g. B1:F1");
    }

    @Test
    void badCellInsideRangeIsNamed() {
        assertParseFails("A0:B2", "\"A0:B2\" is not a range: \"A0\" is not a cell: rows start at 1");
        assertParseFails("A1:XFE2", "\"A1:XFE2\" is not a range: \"XFE2\" is not a cell: columns end at XFD (16384)");
        assertParseFails("A:A", "\"A:A\" is not a range: \"A\" is not a cell: the row number is missing, expected e.g. C3");
    }

    @Test
    void singleBadCellGivesTheCellReason() {
        assertParseFails("B0", "\"B0\" is not a cell: rows start at 1");
        assertParseFails("AB", "\"AB\" is not a cell: the row number is missing, expected e.g. C3");
    }

    @Test
    void checkWithinLayout() {
        CellRange inside = r("A1:AD20");
        assertSame(inside, inside.checkWithin(20, 30));
        assertEquals("range \"A1:ZZ99\" lies outside the layout (20 rows x 30 columns, A1:AD20)",
                assertThrows(GridException.class, () -> r("A1:ZZ99").checkWithin(20, 30)).getMessage());
        assertEquals("range \"A1:AD21\" lies outside the layout (20 rows x 30 columns, A1:AD20)",
                assertThrows(GridException.class, () -> r("A1:AD21").checkWithin(20, 30)).getMessage());
        assertEquals("cell \"AE3\" lies outside the layout (20 rows x 30 columns, A1:AD20)",
                assertThrows(GridException.class, () -> r("AE3").checkWithin(20, 30)).getMessage());
        assertEquals("cell \"B1\" lies outside the layout (1 row x 1 column, A1)",
                assertThrows(GridException.class, () -> r("B1").checkWithin(1, 1)).getMessage());
    }

    @Test
    void checkWithinRejectsImpossibleLayout() {
        assertThrows(IllegalArgumentException.class, () -> r("A1").checkWithin(0, 5));
        assertThrows(IllegalArgumentException.class, () -> r("A1").checkWithin(5, 16_385));
    }
}
