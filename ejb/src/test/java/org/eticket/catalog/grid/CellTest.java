package org.eticket.catalog.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellTest {

    private static void assertParseFails(String input, String message) {
        GridException e = assertThrows(GridException.class, () -> Cell.parse(input), input);
        assertEquals(message, e.getMessage());
    }

    @Test
    void columnLettersFollowSpreadsheetOrder() {
        assertEquals("A", Cell.columnLabel(1));
        assertEquals("Z", Cell.columnLabel(26));
        assertEquals("AA", Cell.columnLabel(27));
        assertEquals("AB", Cell.columnLabel(28));
        assertEquals("AZ", Cell.columnLabel(52));
        assertEquals("BA", Cell.columnLabel(53));
        assertEquals("ZZ", Cell.columnLabel(702));
        assertEquals("AAA", Cell.columnLabel(703));
        assertEquals("XFD", Cell.columnLabel(16_384));
    }

    @Test
    void everyColumnRoundTrips() {
        for (int c = 1; c <= Cell.MAX_COLUMN; c++) {
            String letters = Cell.columnLabel(c);
            assertEquals(c, Cell.parseColumn(letters), letters);
            assertEquals(c, Cell.parseColumn(letters.toLowerCase()), letters);
        }
    }

    @Test
    void parsesLabel() {
        Cell cell = Cell.parse("AB12");
        assertEquals(12, cell.row());
        assertEquals(28, cell.column());
        assertEquals("AB12", cell.label());
        assertEquals(Cell.of(3, 3), Cell.parse("C3"));
    }

    @Test
    void parseIsCaseInsensitiveAndToleratesSurroundingWhitespace() {
        assertEquals(Cell.of(12, 28), Cell.parse("ab12"));
        assertEquals(Cell.of(12, 28), Cell.parse("aB12"));
        assertEquals(Cell.of(3, 3), Cell.parse("  c3\t\n"));
    }

    @Test
    void leadingZerosInRowAreRead() {
        assertEquals(Cell.of(1, 1), Cell.parse("A01"));
    }

    @Test
    void labelRoundTripsAtTheEdges() {
        for (Cell c : List.of(Cell.of(1, 1), Cell.of(1, 26), Cell.of(99, 27), Cell.of(1_000_000, 16_384),
                Cell.of(123_456, 703))) {
            assertEquals(c, Cell.parse(c.label()));
        }
        assertEquals("XFD1000000", Cell.of(Cell.MAX_ROW, Cell.MAX_COLUMN).label());
        assertEquals("C3", Cell.of(3, 3).toString());
    }

    @Test
    void blankInputIsRejected() {
        assertParseFails("", "no cell given: expected e.g. C3");
        assertParseFails("   ", "no cell given: expected e.g. C3");
        assertParseFails(null, "no cell given: expected e.g. C3");
    }

    @Test
    void rowZeroIsRejected() {
        assertParseFails("B0", "\"B0\" is not a cell: rows start at 1");
        assertParseFails("B000", "\"B000\" is not a cell: rows start at 1");
    }

    @Test
    void lettersOnlyOrNumbersOnlyAreRejected() {
        assertParseFails("AB", "\"AB\" is not a cell: the row number is missing, expected e.g. C3");
        assertParseFails("12", "\"12\" is not a cell: the column letters are missing, expected e.g. C3");
    }

    @Test
    void garbageIsRejected() {
        String reason = " is not a cell: expected column letters followed by a row number, e.g. C3";
        assertParseFails("3C", "\"3C\"" + reason);
        assertParseFails("A-1", "\"A-1\"" + reason);
        assertParseFails("A1B", "\"A1B\"" + reason);
        assertParseFails("B1:F1", "\"B1:F1\"" + reason);
        assertParseFails("A 1", "\"A 1\"" + reason);
        assertParseFails("\u00c41", "\"\u00c41\"" + reason); // non-ASCII letter
        assertParseFails("A\u0661", "\"A\u0661\"" + reason); // non-ASCII digit
    }

    @Test
    void columnsEndAtXfd() {
        assertEquals(Cell.of(1, 16_384), Cell.parse("XFD1"));
        assertParseFails("XFE1", "\"XFE1\" is not a cell: columns end at XFD (16384)");
        assertParseFails("AAAA1", "\"AAAA1\" is not a cell: columns end at XFD (16384)");
        String manyLetters = "A".repeat(30) + "1";
        GridException e = assertThrows(GridException.class, () -> Cell.parse(manyLetters));
        assertTrue(e.getMessage().endsWith(" is not a cell: columns end at XFD (16384)"), e.getMessage());
    }

    @Test
    void rowsEndAtOneMillion() {
        assertEquals(Cell.of(1_000_000, 1), Cell.parse("A1000000"));
        assertParseFails("A1000001", "\"A1000001\" is not a cell: rows end at 1000000");
        assertParseFails("A99999999999999999999999", "\"A99999999999999999999999\" is not a cell: rows end at 1000000");
    }

    @Test
    void hugeInputGivesAShortMessage() {
        String huge = "A" + "1".repeat(100_000) + "x";
        GridException e = assertThrows(GridException.class, () -> Cell.parse(huge));
        assertTrue(e.getMessage().length() < 150, e.getMessage());
        assertTrue(e.getMessage().startsWith("\"A111"), e.getMessage());
    }

    @Test
    void constructorChecksBounds() {
        assertEquals("row 0 is not valid: rows start at 1",
                assertThrows(GridException.class, () -> Cell.of(0, 1)).getMessage());
        assertEquals("row 1000001 is not valid: rows end at 1000000",
                assertThrows(GridException.class, () -> Cell.of(1_000_001, 1)).getMessage());
        assertEquals("column 0 is not valid: columns start at 1 (A)",
                assertThrows(GridException.class, () -> Cell.of(1, 0)).getMessage());
        assertEquals("column 16385 is not valid: columns end at XFD (16384)",
                assertThrows(GridException.class, () -> Cell.of(1, 16_385)).getMessage());
        assertThrows(GridException.class, () -> Cell.of(-1, -1));
    }

    @Test
    void parseColumnRejectsBadLetters() {
        assertEquals("no column given: expected letters, e.g. AB",
                assertThrows(GridException.class, () -> Cell.parseColumn(" ")).getMessage());
        assertEquals("\"A1\" is not a column: expected letters, e.g. AB",
                assertThrows(GridException.class, () -> Cell.parseColumn("A1")).getMessage());
        assertEquals("\"XFE\" is not a column: columns end at XFD (16384)",
                assertThrows(GridException.class, () -> Cell.parseColumn("XFE")).getMessage());
        assertThrows(GridException.class, () -> Cell.columnLabel(0));
    }

    @Test
    void ordersRowMajor() {
        List<Cell> cells = new ArrayList<>(List.of(Cell.parse("B2"), Cell.parse("A2"), Cell.parse("Z1"),
                Cell.parse("A1"), Cell.parse("AA1")));
        Collections.sort(cells);
        assertEquals(List.of(Cell.parse("A1"), Cell.parse("Z1"), Cell.parse("AA1"), Cell.parse("A2"),
                Cell.parse("B2")), cells);
    }
}
