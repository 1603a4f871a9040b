package org.eticket.catalog.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eticket.catalog.grid.LayoutCsv.Problem;
import org.eticket.catalog.grid.LayoutCsv.Result;
import org.eticket.catalog.grid.LayoutCsv.Seat;
import org.junit.jupiter.api.Test;

class LayoutCsvTest {

    private static Seat seat(String cell, String type, String... attributes) {
        return new Seat(Cell.parse(cell), type, Set.of(attributes));
    }

    private static List<Problem> problems(String csv) {
        Result result = LayoutCsv.parse(csv);
        assertFalse(result.isValid(), csv);
        return result.problems();
    }

    private static void assertSingleProblem(String line, String reason) {
        assertEquals(List.of(new Problem(1, reason)), problems(line), line);
    }

    @Test
    void readsSeatsWithHeaderCommentsAndBlankLines() {
        String csv = "row,column,seatType,attributes\n"
                + "# front row\n"
                + "1,A,S,\n"
                + "\n"
                + "1,B,S,wheelchair|aisle\n"
                + "   \n"
                + "  # indented comment\n"
                + "2,AB,a\n"
                + "3,28,B,Large Letters;audio\n";
        Result result = LayoutCsv.parse(csv);
        assertTrue(result.isValid(), result.summary());
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(
                seat("A1", "S"),
                seat("B1", "S", "wheelchair", "aisle"),
                seat("AB2", "A"),
                seat("AB3", "B", "large letters", "audio")), result.seats());
        assertEquals("4 seats read", result.summary());
    }

    @Test
    void attributesKeepTheirOrderWithoutDuplicates() {
        Seat s = LayoutCsv.parse("1,A,S,aisle|Wheelchair|AISLE||wheelchair").seats().get(0);
        assertEquals(List.of("aisle", "wheelchair"), List.copyOf(s.attributes()));
        assertThrows(UnsupportedOperationException.class, () -> s.attributes().add("x"));
    }

    @Test
    void quotedFieldsPerRfc4180() {
        String csv = "\"row\",\"column\",\"seatType\",\"attributes\"\r\n"
                + "\"1\",\"A\",\"S\",\"wheelchair|aisle\"\r\n"
                + "2, \"B\" ,S,\"wheelchair,aisle\"\r\n"
                + "3,C,\"S\"\r\n"
                + "4,D,S,\"\"\r\n";
        Result result = LayoutCsv.parse(csv);
        assertTrue(result.isValid(), result.summary());
        assertEquals(List.of(
                seat("A1", "S", "wheelchair", "aisle"),
                seat("B2", "S", "wheelchair", "aisle"),
                seat("C3", "S"),
                seat("D4", "S")), result.seats());
    }

    @Test
    void doubledQuoteInsideQuotedValueIsAQuote() {
        // the attribute holds a quote character, which an attribute may not: reported, not misparsed
        assertSingleProblem("1,A,S,\"say \"\"hi\"\"\"",
                "bad attribute \"say \"hi\"\": use letters, digits, spaces, - or _, at most 32 characters each, separated by | or ;");
    }

    @Test
    void quotingMistakesAreReported() {
        assertSingleProblem("1,A,\"S", "a quoted value is not closed on this line (field 3)");
        assertSingleProblem("1,A,\"S\"x", "unexpected text after the closing quote of field 3");
        assertSingleProblem("1,A\",S", "a quote in field 2 must be inside a quoted value, written as \"\"");
    }

    @Test
    void unclosedQuoteDoesNotSwallowTheNextLines() {
        Result result = LayoutCsv.parse("1,A,\"S\n2,A,S\n2,B,\"A\n3,A,S\n");
        assertEquals(List.of(
                new Problem(1, "a quoted value is not closed on this line (field 3)"),
                new Problem(3, "a quoted value is not closed on this line (field 3)")), result.problems());
    }

    @Test
    void lineEndingsBomAndWhitespace() {
        Result result = LayoutCsv.parse("\uFEFFrow,column,seatType\r1,A,S\r\n2 , b , s \n\n3,C,S");
        assertTrue(result.isValid(), result.summary());
        assertEquals(List.of(seat("A1", "S"), seat("B2", "S"), seat("C3", "S")), result.seats());
    }

    @Test
    void lineNumbersCountEveryPhysicalLine() {
        Result result = LayoutCsv.parse("row,column,seatType\r\n\r\n# x\r\n1,A,S\r\n0,A,S\r\n");
        assertEquals(List.of(new Problem(5, "bad row number \"0\": rows start at 1")), result.problems());
        Result cr = LayoutCsv.parse("1,A,S\r\r0,A,S\r");
        assertEquals(List.of(new Problem(3, "bad row number \"0\": rows start at 1")), cr.problems());
    }

    @Test
    void onlyTheFirstContentLineMayBeAHeader() {
        Result result = LayoutCsv.parse("# exported 2025-01-01\n1,A,S\nrow,column,seatType\n");
        assertEquals(List.of(
                new Problem(3, "bad row number \"row\": expected a whole number from 1 to 1000000"),
                new Problem(3, "unknown column \"column\": columns end at XFD (16384)")), result.problems());
    }

    @Test
    void emptyFileOrHeaderOnlyHasNoSeats() {
        assertEquals(List.of(), LayoutCsv.parse("").seats());
        assertEquals(List.of(), LayoutCsv.parse("row,column,seatType,attributes\n# nothing\n").seats());
        assertTrue(LayoutCsv.parse("\n\n").isValid());
    }

    @Test
    void severalBadLinesAreAllReportedByNumber() {
        String csv = "row,column,seatType,attributes\n" // 1
                + "1,A,S\n"                                // 2
                + "x,B,S\n"                                // 3 bad row
                + "1,A1,S\n"                               // 4 unknown column
                + "1,C,\n"                                 // 5 missing seat type
                + "1,a,A\n"                                // 6 duplicate of line 2
                + "1,D,S,wheelchair,aisle\n"               // 7 too many fields
                + "1,E,S\n"                                // 8 fine
                + "1000001,F,S\n"                          // 9 row too large
                + "2,XFE,S\n"                              // 10 column too large
                + "2,0,S\n"                                // 11 column zero
                + "2,G,VIP-1\n"                            // 12 bad seat type
                + "2,H\n"                                  // 13 missing seat type
                + "3\n"                                    // 14 missing column and seat type
                + ",J,S\n"                                 // 15 missing row
                + "2,I,S,wheel*chair\n";                   // 16 bad attribute
        Result result = LayoutCsv.parse(csv);
        assertFalse(result.isValid());
        assertEquals(List.of(
                new Problem(3, "bad row number \"x\": expected a whole number from 1 to 1000000"),
                new Problem(4, "unknown column \"A1\": expected letters such as AB or a number such as 28"),
                new Problem(5, "missing seat type"),
                new Problem(6, "duplicate cell A1, also on line 2"),
                new Problem(7, "too many fields: found 5, expected row,column,seatType,attributes (quote a value that contains a comma)"),
                new Problem(9, "bad row number \"1000001\": rows end at 1000000"),
                new Problem(10, "unknown column \"XFE\": columns end at XFD (16384)"),
                new Problem(11, "unknown column \"0\": columns start at 1 (A)"),
                new Problem(12, "bad seat type \"VIP-1\": use 1 to 8 letters or digits"),
                new Problem(13, "missing seat type"),
                new Problem(14, "missing column"),
                new Problem(14, "missing seat type"),
                new Problem(15, "missing row number"),
                new Problem(16, "bad attribute \"wheel*chair\": use letters, digits, spaces, - or _, at most 32 characters each, separated by | or ;")),
                result.problems());
        assertEquals(14, result.problemCount());
        GridException e = assertThrows(GridException.class, result::seats);
        assertTrue(e.getMessage().startsWith("the layout file has 14 problems, nothing was imported: "
                + "line 3: bad row number \"x\": expected a whole number from 1 to 1000000; line 4: "), e.getMessage());
        assertThrows(GridException.class, result::rangesBySeatType);
    }

    @Test
    void oneBadLineMeansNoSeats() {
        Result result = LayoutCsv.parse("1,A,S\n1,B,S\n1,C,S\n1,D,S\n1,E,?\n");
        assertFalse(result.isValid());
        assertEquals(1, result.problemCount());
        assertEquals("the layout file has 1 problem, nothing was imported: line 5: bad seat type \"?\": use 1 to 8 letters or digits",
                assertThrows(GridException.class, result::seats).getMessage());
        assertEquals("line 5: bad seat type \"?\": use 1 to 8 letters or digits", result.problems().get(0).message());
    }

    @Test
    void duplicateNamesTheFirstLineEvenForColumnNumbers() {
        Result result = LayoutCsv.parse("4,AB,S\n4,28,A\n4,ab,B\n");
        assertEquals(List.of(
                new Problem(2, "duplicate cell AB4, also on line 1"),
                new Problem(3, "duplicate cell AB4, also on line 1")), result.problems());
    }

    @Test
    void trailingEmptyFieldsAreTolerated() {
        Result result = LayoutCsv.parse("1,A,S,aisle,,,\n1,B,S,,\n");
        assertTrue(result.isValid(), result.summary());
        assertEquals(List.of(seat("A1", "S", "aisle"), seat("B1", "S")), result.seats());
        assertEquals(List.of(new Problem(1, "too many fields: found 6, expected row,column,seatType,attributes (quote a value that contains a comma)")),
                problems("1,A,S,aisle,,x\n"));
    }

    @Test
    void cellsOutsideTheLayoutAreReported() {
        Result result = LayoutCsv.parse("1,A,S\n3,AE,S\n21,A,S\n20,AD,S\n", 20, 30);
        assertEquals(List.of(
                new Problem(2, "cell AE3 lies outside the layout (20 rows x 30 columns, A1:AD20)"),
                new Problem(3, "cell A21 lies outside the layout (20 rows x 30 columns, A1:AD20)")), result.problems());
        assertTrue(LayoutCsv.parse("1,A,S\n20,AD,S\n", 20, 30).isValid());
        assertThrows(IllegalArgumentException.class, () -> LayoutCsv.parse("1,A,S", 0, 30));
    }

    @Test
    void fig31DrawingBecomesRanges() {
        StringBuilder csv = new StringBuilder("row,column,seatType,attributes\n");
        for (Cell c : CellRanges.parse("B1:F1, A2:G7, B8:F8").cells()) {
            csv.append(c.row()).append(',').append(Cell.columnLabel(c.column())).append(",S\n");
        }
        csv.append("1,A,A,wheelchair\n1,G,A\n9,D,a\n");
        Result result = LayoutCsv.parse(csv.toString(), 9, 7);
        assertEquals(55, result.seats().size());
        Map<String, CellRanges> ranges = result.rangesBySeatType();
        assertEquals(List.of("S", "A"), List.copyOf(ranges.keySet()));
        assertEquals("B1:F1, A2:G7, B8:F8", ranges.get("S").label());
        assertEquals("A1, G1, D9", ranges.get("A").label());
        assertEquals(List.of(), SeatTypeAssignment.of(ranges).overlaps());
    }

    @Test
    void overlongLineIsReportedAndReadingContinues() {
        String csv = "1,A,S," + "x".repeat(LayoutCsv.MAX_LINE_LENGTH + 10) + "\n2,A,S\n0,B,S\n";
        Result result = LayoutCsv.parse(csv);
        assertEquals(List.of(
                new Problem(1, "the line is longer than 4096 characters"),
                new Problem(3, "bad row number \"0\": rows start at 1")), result.problems());
    }

    @Test
    void lineLimitStopsReading() {
        Result result = LayoutCsv.parse(new StringReader("1,A,S\n1,B,S\n\n1,C,S\n1,D,S\n"), 0, 0, 3);
        assertEquals(List.of(new Problem(4,
                "the file has more than 3 lines; is it the right file? Split it to import it in parts")), result.problems());
        assertFalse(result.isValid());
    }

    @Test
    void endlessUploadStopsAtTheLineLimit() {
        Result result = LayoutCsv.parse(new EndlessReader("#\n"));
        assertEquals(List.of(new Problem(LayoutCsv.MAX_LINES + 1,
                "the file has more than 1000000 lines; is it the right file? Split it to import it in parts")), result.problems());
    }

    @Test
    void reportedProblemsAreCappedButCountedAndTheLimitComesFirst() {
        Result result = LayoutCsv.parse(new EndlessReader("1,A,S\n"));
        assertEquals(LayoutCsv.MAX_LINES, result.problemCount()); // 999,999 duplicates + the line limit
        assertEquals(LayoutCsv.MAX_REPORTED_PROBLEMS + 1, result.problems().size());
        assertEquals(LayoutCsv.MAX_LINES + 1, result.problems().get(0).line());
        assertEquals(new Problem(2, "duplicate cell A1, also on line 1"), result.problems().get(1));
        String summary = result.summary();
        assertTrue(summary.startsWith("the layout file has 1000000 problems, nothing was imported: line 1000001: the file has more than"), summary);
        assertTrue(summary.endsWith("; and 999980 more"), summary);
    }

    @Test
    void seatValidatesItsFields() {
        assertEquals("S", new Seat(Cell.of(1, 1), " s ", Set.of()).seatType());
        assertThrows(GridException.class, () -> new Seat(Cell.of(1, 1), "S!", Set.of()));
        assertThrows(NullPointerException.class, () -> new Seat(null, "S", Set.of()));
    }

    /** Repeats a line forever, as a hostile or broken upload might. */
    private static final class EndlessReader extends Reader {
        private final String line;
        private int position;

        EndlessReader(String line) {
            this.line = line;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = line.charAt(position);
                position = (position + 1) % line.length();
            }
            return length;
        }

        @Override
        public void close() {
        }
    }
}
