package org.eticket.catalog.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CellRangesTest {

    private static final String FIG_31 = "B1:F1, A2:G7, B8:F8";

    private static CellRanges p(String text) {
        return CellRanges.parse(text);
    }

    private static List<Cell> cellsOf(String... labels) {
        List<Cell> out = new ArrayList<>();
        for (String l : labels) {
            out.add(Cell.parse(l));
        }
        return out;
    }

    @Test
    void fig31Example() {
        CellRanges fig = p(FIG_31);
        assertEquals(List.of(CellRange.parse("B1:F1"), CellRange.parse("A2:G7"), CellRange.parse("B8:F8")),
                fig.ranges());
        assertEquals(FIG_31, fig.label());
        assertEquals(5 + 42 + 5, fig.size());
        List<Cell> cells = fig.cells();
        assertEquals(52, cells.size());
        assertEquals(Cell.parse("B1"), cells.get(0));
        assertEquals(Cell.parse("A2"), cells.get(5));
        assertEquals(Cell.parse("F8"), cells.get(51));
        assertFalse(fig.contains(Cell.parse("A1")));
        assertFalse(fig.contains(Cell.parse("G1")));
        assertTrue(fig.contains(Cell.parse("G7")));
        assertFalse(fig.contains(Cell.parse("A8")));
        assertFalse(fig.contains(Cell.parse("H2")));
        // the hatched cells compress back to the figure's ranges
        assertEquals(FIG_31, CellRanges.fromCells(cells).label());
        assertEquals(fig, fig.normalized());
    }

    @Test
    void parseToleratesWhitespaceSemicolonsAndEmptyEntries() {
        assertEquals(FIG_31, p(" b1:f1;A2 : G7 ,\tB8:F8 ;").label());
        assertEquals(FIG_31, p("B1:F1,,A2:G7;;B8:F8").label());
        assertEquals("A2:G7", p("G7:A2").label(), "corners normalised");
        assertEquals("C3, D4", p("C3,D4").label());
    }

    @Test
    void parseKeepsOrderAndDuplicates() {
        assertEquals("C3, A1:B2, C3", p("C3, A1:B2, C3").label());
        assertEquals(5, p("C3, A1:B2, C3").size());
    }

    @Test
    void blankOrOnlySeparatorsIsRejected() {
        for (String blank : new String[] {"", "  ", ",", " ; , "}) {
            assertEquals("no ranges given: expected e.g. B1:F1, A2:G7",
                    assertThrows(GridException.class, () -> p(blank)).getMessage(), blank);
        }
        assertThrows(GridException.class, () -> p(null));
    }

    @Test
    void badRangeInListIsNamed() {
        assertEquals("\"A0:G7\" is not a range: \"A0\" is not a cell: rows start at 1",
                assertThrows(GridException.class, () -> p("B1:F1, A0:G7, B8:F8")).getMessage());
        assertEquals("\"A1-B2\" is not a range: expected e.g. B1:F1",
                assertThrows(GridException.class, () -> p("B1:F1, A1-B2")).getMessage());
    }

    @Test
    void overlongTextIsRejected() {
        String text = "A1,".repeat(CellRanges.MAX_TEXT_LENGTH / 3 + 1);
        assertEquals("the list of ranges is too long: " + text.length() + " characters, at most 1000000",
                assertThrows(GridException.class, () -> p(text)).getMessage());
    }

    @Test
    void overlappingRangesCountEachCellOnce() {
        CellRanges r = p("A1:C3, B2:D4");
        assertEquals(14, r.size());
        List<Cell> cells = r.cells();
        assertEquals(14, cells.size());
        assertEquals(14, new TreeSet<>(cells).size());
        assertEquals(new ArrayList<>(new TreeSet<>(cells)), cells); // sorted row-major
        assertEquals(cellsOf("A1", "B1", "C1", "A2", "B2", "C2", "D2"), cells.subList(0, 7));
        assertEquals(9, p("A1:C3, A1:C3, B2").size());
    }

    @Test
    void sizeOfHugeSelectionsWithoutListing() {
        assertEquals(16_384_000_000L, p("A1:XFD1000000, A1:B2, XFD1000000").size());
        GridException e = assertThrows(GridException.class, () -> p("A1:XFD1000").cells());
        assertEquals("\"A1:XFD1000\" covers 16384000 cells; at most 1000000 can be listed", e.getMessage());
        assertEquals("A1:XFD1000000", p("A1:XFD1000000, A1:B2, XFD1000000").normalized().label());
    }

    @Test
    void fromCellsCompressesShapes() {
        assertEquals("A1, A2:B2", CellRanges.fromCells(cellsOf("B2", "A1", "A2")).label());
        assertEquals("A1:C2", CellRanges.fromCells(cellsOf("A1", "B1", "C1", "A2", "B2", "C2")).label());
        assertEquals("A1, C1, B2, A3, C3", CellRanges.fromCells(cellsOf("A1", "C1", "B2", "A3", "C3")).label());
        // a run that repeats after a gap row starts a new rectangle
        assertEquals("A1:B1, A3:B3", CellRanges.fromCells(cellsOf("A1", "B1", "A3", "B3")).label());
        // duplicates ignored
        assertEquals("C3", CellRanges.fromCells(cellsOf("C3", "C3", "c3")).label());
        assertTrue(CellRanges.fromCells(List.of()).isEmpty());
        assertEquals("", CellRanges.fromCells(List.of()).label());
    }

    @Test
    void fromCellsRoundTripsExactlyOnRandomSets() {
        Random random = new Random(31);
        for (int round = 0; round < 300; round++) {
            int rows = 1 + random.nextInt(15);
            int columns = 1 + random.nextInt(15);
            double density = random.nextDouble();
            Set<Cell> set = new TreeSet<>();
            for (int r = 1; r <= rows; r++) {
                for (int c = 1; c <= columns; c++) {
                    if (random.nextDouble() < density) {
                        set.add(Cell.of(r, c));
                    }
                }
            }
            CellRanges compressed = CellRanges.fromCells(set);
            assertEquals(new ArrayList<>(set), compressed.cells(), "round " + round);
            assertEquals(set.size(), compressed.size());
            List<CellRange> ranges = compressed.ranges();
            for (int i = 0; i < ranges.size(); i++) {
                for (int j = i + 1; j < ranges.size(); j++) {
                    assertFalse(ranges.get(i).overlaps(ranges.get(j)), compressed.label());
                }
            }
            // text round trip too
            if (!compressed.isEmpty()) {
                assertEquals(compressed, p(compressed.label()));
            }
            assertTrue(ranges.size() <= Math.max(1, set.size()));
        }
    }

    @Test
    void normalizedIsCanonicalForTheSameCells() {
        assertEquals(p("A1:B2"), p("A1:B1, A2:B2").normalized());
        assertEquals(p("A1:B2"), p("B2, A1, B1:B1, A2").normalized());
        assertEquals(p("A1:D4").normalized(), p("A1:B4, C1:D2, C3:D4, B2:C3").normalized());
        assertNotEquals(p("A1:B2").normalized(), p("A1:B2, C3").normalized());
        CellRanges overlapping = p("A1:C3, B2:D4");
        assertEquals(overlapping.cells(), overlapping.normalized().cells());
        assertEquals("A1:C1, A2:D3, B4:D4", overlapping.normalized().label());
    }

    @Test
    void intersection() {
        assertEquals("B2:C3", p("A1:C3").intersection(p("B2:D4")).label());
        assertEquals("C1, B2:C2, C3", p("A1:C3").intersection(p("B2, C1:C3")).label());
        assertTrue(p("A1:B2").intersection(p("C3:D4")).isEmpty());
        assertTrue(p("A1:B2").overlaps(p("C3, B2")));
        assertFalse(p("A1:B2").overlaps(p("C3, A3")));
    }

    @Test
    void plusAppendsNewRangesOnly() {
        assertEquals("A1:B2, C3, D4", p("A1:B2, C3").plus(p("C3, D4")).label());
        assertEquals("A1:B2", CellRanges.empty().plus(p("A1:B2")).label());
    }

    @Test
    void checkWithinNamesEveryRangeOutside() {
        CellRanges ok = p(FIG_31);
        assertSame(ok, ok.checkWithin(8, 7));
        assertEquals("range \"A1:ZZ99\" lies outside the layout (20 rows x 30 columns, A1:AD20)",
                assertThrows(GridException.class, () -> p("B1:F1, A1:ZZ99").checkWithin(20, 30)).getMessage());
        assertEquals("ranges \"Z1:Z2\", \"A30:B31\" lie outside the layout (20 rows x 20 columns, A1:T20)",
                assertThrows(GridException.class, () -> p("A1:B2, Z1:Z2, A30:B31").checkWithin(20, 20)).getMessage());
        assertEquals("range \"B8:F8\" lies outside the layout (7 rows x 7 columns, A1:G7)",
                assertThrows(GridException.class, () -> p(FIG_31).checkWithin(7, 7)).getMessage());
    }

    @Test
    void checkWithinShortensALongList() {
        StringBuilder text = new StringBuilder("A1");
        for (int i = 1; i <= 12; i++) {
            text.append(", B").append(10 + i);
        }
        String message = assertThrows(GridException.class, () -> p(text.toString()).checkWithin(5, 5)).getMessage();
        assertTrue(message.startsWith("ranges \"B11\", \"B12\","), message);
        assertTrue(message.endsWith(", \"B20\" and 2 more lie outside the layout (5 rows x 5 columns, A1:E5)"), message);
    }

    @Test
    void equalityFollowsTheList() {
        assertEquals(p(FIG_31), p("b1:f1;a2:g7;b8:f8"));
        assertEquals(p(FIG_31).hashCode(), p("b1:f1;a2:g7;b8:f8").hashCode());
        assertNotEquals(p("A1, B1"), p("B1, A1"));
        assertEquals(FIG_31, p(FIG_31).toString());
        assertEquals(CellRanges.empty(), CellRanges.of());
        assertEquals(3, CellRanges.of(List.of(CellRange.parse("A1"), CellRange.parse("B1"), CellRange.parse("A1"))).ranges().size());
    }
}
