package org.eticket.catalog.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the CSV export of a seat drawing, one seat a line: {@code row,column,seatType[,attributes]},
 * e.g. {@code 3,AB,S,"wheelchair|aisle"}. Row is a number; column letters ({@code AB}) or a number;
 * the seat type 1 to 8 letters or digits (kept in upper case); attributes separated by {@code |} or
 * {@code ;} (or {@code ,} inside quotes), kept in lower case. Values may be quoted as in RFC 4180. Blank lines and lines starting
 * with {@code #} are skipped, and so is a first line starting with {@code row} (a header).
 *
 * <p>All or nothing: if any line is bad the result has no seats and lists the problems, each with
 * its line number, so the caller imports nothing. Input is read as a stream and bounded in lines and
 * line length, so a wrong or hostile upload cannot exhaust memory.
 */
public final class LayoutCsv {

    public static final int MAX_LINES = 1_000_000;
    public static final int MAX_LINE_LENGTH = 4_096;
    /** Problems kept for the report; further ones are only counted. */
    public static final int MAX_REPORTED_PROBLEMS = 1_000;
    public static final int MAX_ATTRIBUTE_LENGTH = 32;

    private static final int NO_LIMIT = 0;
    private static final int FIELDS = 4;
    private static final int SUMMARY_PROBLEMS = 20;

    private LayoutCsv() {
    }

    /** One seat from the drawing. */
    public record Seat(Cell cell, String seatType, Set<String> attributes) {
        public Seat {
            Objects.requireNonNull(cell, "cell");
            seatType = SeatTypeAssignment.normalizeCode(seatType);
            LinkedHashSet<String> copy = new LinkedHashSet<>();
            for (String a : attributes) {
                copy.add(a.strip().toLowerCase(Locale.ROOT));
            }
            attributes = Collections.unmodifiableSet(copy);
        }
    }

    /** A bad line: its number (1-based, counting every physical line) and why. */
    public record Problem(int line, String reason) {
        public String message() {
            return "line " + line + ": " + reason;
        }

        @Override
        public String toString() {
            return message();
        }
    }

    /** Either every seat (when valid) or the problems. */
    public static final class Result {
        private final List<Seat> seats;
        private final List<Problem> problems;
        private final int problemCount;

        Result(List<Seat> seats, List<Problem> problems, int problemCount) {
            this.seats = List.copyOf(seats);
            this.problems = List.copyOf(problems);
            this.problemCount = problemCount;
        }

        public boolean isValid() {
            return problemCount == 0;
        }

        /** The seats in file order; throws with {@link #summary()} if the file had any problem. */
        public List<Seat> seats() {
            if (!isValid()) {
                throw new GridException(summary());
            }
            return seats;
        }

        /**
         * The problems in line order, at most {@link #MAX_REPORTED_PROBLEMS} of them, except that a
         * problem with the whole file (too many lines) comes first; empty when valid.
         */
        public List<Problem> problems() {
            return problems;
        }

        /** All problems found, including those beyond the reported ones. */
        public int problemCount() {
            return problemCount;
        }

        /** The seats' cells per seat type, compressed to ranges, types in order of first appearance. */
        public Map<String, CellRanges> rangesBySeatType() {
            Map<String, List<Cell>> cells = new LinkedHashMap<>();
            for (Seat s : seats()) {
                cells.computeIfAbsent(s.seatType(), k -> new ArrayList<>()).add(s.cell());
            }
            Map<String, CellRanges> out = new LinkedHashMap<>();
            cells.forEach((type, list) -> out.put(type, CellRanges.fromCells(list)));
            return Collections.unmodifiableMap(out);
        }

        /** One message for a person: how many problems and the first of them. */
        public String summary() {
            if (isValid()) {
                return seats.size() + (seats.size() == 1 ? " seat" : " seats") + " read";
            }
            StringBuilder sb = new StringBuilder("the layout file has ").append(problemCount)
                    .append(problemCount == 1 ? " problem" : " problems").append(", nothing was imported: ");
            int shown = Math.min(problems.size(), SUMMARY_PROBLEMS);
            for (int i = 0; i < shown; i++) {
                sb.append(i == 0 ? "" : "; ").append(problems.get(i).message());
            }
            if (problemCount > shown) {
                sb.append("; and ").append(problemCount - shown).append(" more");
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return summary();
        }
    }

    /** Reads seats without a layout size to check against. Does not close the reader. */
    public static Result parse(Reader in) {
        return parse(in, NO_LIMIT, NO_LIMIT, MAX_LINES);
    }

    /** Reads seats and checks each lies within {@code rows} x {@code columns}. Does not close the reader. */
    public static Result parse(Reader in, int rows, int columns) {
        CellRange.checkLayout(rows, columns);
        return parse(in, rows, columns, MAX_LINES);
    }

    public static Result parse(String text) {
        return parse(new StringReader(text));
    }

    public static Result parse(String text, int rows, int columns) {
        return parse(new StringReader(text), rows, columns);
    }

    static Result parse(Reader in, int rows, int columns, int maxLines) {
        Objects.requireNonNull(in, "in");
        Parser p = new Parser(rows, columns);
        LineReader lines = new LineReader(in);
        try {
            boolean firstContentLine = true;
            String line;
            while ((line = lines.next()) != null) {
                int number = lines.lineNumber();
                if (number > maxLines) {
                    p.fileProblem(number, "the file has more than " + maxLines
                            + " lines; is it the right file? Split it to import it in parts");
                    break;
                }
                if (lines.tooLong()) {
                    p.problem(number, "the line is longer than " + MAX_LINE_LENGTH + " characters");
                    firstContentLine = false;
                    continue;
                }
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                if (firstContentLine) {
                    firstContentLine = false;
                    if (isHeader(stripped)) {
                        continue;
                    }
                }
                p.line(number, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the layout file", e);
        }
        return p.result();
    }

    private static boolean isHeader(String line) {
        String s = line.startsWith("\"") ? line.substring(1) : line;
        return s.regionMatches(true, 0, "row", 0, 3);
    }

    private static final class Parser {
        private final int rows;
        private final int columns;
        private final List<Seat> seats = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Map<Cell, Integer> firstLine = new HashMap<>();
        private int problemCount;

        Parser(int rows, int columns) {
            this.rows = rows;
            this.columns = columns;
        }

        void problem(int line, String reason) {
            problemCount++;
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(new Problem(line, reason));
            }
            seats.clear(); // nothing will be returned; stop holding seats
        }

        /** A problem with the whole file: listed first, even past the report limit. */
        void fileProblem(int line, String reason) {
            problemCount++;
            problems.add(0, new Problem(line, reason));
            seats.clear();
        }

        void line(int number, String line) {
            List<String> fields = splitFields(number, line);
            if (fields == null) {
                return;
            }
            while (fields.size() > FIELDS && fields.get(fields.size() - 1).isEmpty()) {
                fields.remove(fields.size() - 1); // trailing empty columns, as spreadsheets pad them
            }
            if (fields.size() > FIELDS) {
                problem(number, "too many fields: found " + fields.size()
                        + ", expected row,column,seatType,attributes (quote a value that contains a comma)");
                return;
            }
            int row = row(number, fields.get(0));
            int column = fields.size() < 2 ? missing(number, "missing column") : column(number, fields.get(1));
            String seatType = fields.size() < 3 ? null : fields.get(2);
            if (seatType == null || seatType.isEmpty()) {
                problem(number, "missing seat type");
                seatType = null;
            } else {
                try {
                    seatType = SeatTypeAssignment.normalizeCode(seatType);
                } catch (GridException e) {
                    problem(number, "bad seat type " + GridException.quote(seatType)
                            + ": use 1 to " + SeatTypeAssignment.MAX_CODE_LENGTH + " letters or digits");
                    seatType = null;
                }
            }
            Set<String> attributes = attributes(number, fields.size() < FIELDS ? "" : fields.get(3));
            if (row < 1 || column < 1) {
                return;
            }
            Cell cell = new Cell(row, column);
            if (rows != NO_LIMIT && !CellRange.of(cell).isWithin(rows, columns)) {
                problem(number, "cell " + cell.label() + " lies outside the layout ("
                        + CellRange.describeLayout(rows, columns) + ")");
            }
            Integer earlier = firstLine.putIfAbsent(cell, number);
            if (earlier != null) {
                problem(number, "duplicate cell " + cell.label() + ", also on line " + earlier);
            }
            if (problemCount == 0) {
                seats.add(new Seat(cell, seatType, attributes));
            }
        }

        private int missing(int number, String reason) {
            problem(number, reason);
            return -1;
        }

        private int row(int number, String text) {
            if (text.isEmpty()) {
                return missing(number, "missing row number");
            }
            if (!allDigits(text)) {
                return missing(number, "bad row number " + GridException.quote(text)
                        + ": expected a whole number from 1 to " + Cell.MAX_ROW);
            }
            long row = Cell.boundedNumber(text);
            if (row < 1) {
                return missing(number, "bad row number " + GridException.quote(text) + ": rows start at 1");
            }
            if (row > Cell.MAX_ROW) {
                return missing(number, "bad row number " + GridException.quote(text) + ": rows end at " + Cell.MAX_ROW);
            }
            return (int) row;
        }

        private int column(int number, String text) {
            if (text.isEmpty()) {
                return missing(number, "missing column");
            }
            String q = GridException.quote(text);
            String last = "columns end at " + Cell.columnLabel(Cell.MAX_COLUMN) + " (" + Cell.MAX_COLUMN + ")";
            if (allDigits(text)) {
                long column = Cell.boundedNumber(text);
                if (column < 1) {
                    return missing(number, "unknown column " + q + ": columns start at 1 (A)");
                }
                if (column > Cell.MAX_COLUMN) {
                    return missing(number, "unknown column " + q + ": " + last);
                }
                return (int) column;
            }
            for (int i = 0; i < text.length(); i++) {
                if (!Cell.isAsciiLetter(text.charAt(i))) {
                    return missing(number, "unknown column " + q + ": expected letters such as AB or a number such as 28");
                }
            }
            try {
                return Cell.parseColumn(text);
            } catch (GridException e) {
                return missing(number, "unknown column " + q + ": " + last);
            }
        }

        private Set<String> attributes(int number, String text) {
            Set<String> out = new LinkedHashSet<>();
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '|' || text.charAt(i) == ';' || text.charAt(i) == ',') {
                    String a = text.substring(start, i).strip();
                    start = i + 1;
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (!validAttribute(a)) {
                        problem(number, "bad attribute " + GridException.quote(a) + ": use letters, digits, spaces, - or _, at most "
                                + MAX_ATTRIBUTE_LENGTH + " characters each, separated by | or ;");
                    } else {
                        out.add(a.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return out;
        }

        /**
         * Splits on commas, honouring RFC 4180 quotes ({@code ""} is a quote inside a quoted value).
         * A quoted value may not span lines: no valid field holds a line break, and stopping at the
         * line end keeps one stray quote from swallowing the rest of the file.
         */
        private List<String> splitFields(int number, String line) {
            List<String> fields = new ArrayList<>(FIELDS);
            int n = line.length();
            int i = 0;
            while (true) {
                int j = i;
                while (j < n && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
                    j++;
                }
                if (j < n && line.charAt(j) == '"') {
                    StringBuilder value = new StringBuilder();
                    j++;
                    while (true) {
                        if (j >= n) {
                            problem(number, "a quoted value is not closed on this line (field " + (fields.size() + 1) + ")");
                            return null;
                        }
                        char c = line.charAt(j);
                        if (c == '"') {
                            if (j + 1 < n && line.charAt(j + 1) == '"') {
                                value.append('"');
                                j += 2;
                                continue;
                            }
                            j++;
                            break;
                        }
                        value.append(c);
                        j++;
                    }
                    while (j < n && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
                        j++;
                    }
                    if (j < n && line.charAt(j) != ',') {
                        problem(number, "unexpected text after the closing quote of field " + (fields.size() + 1));
                        return null;
                    }
                    fields.add(value.toString().strip());
                    if (j >= n) {
                        return fields;
                    }
                    i = j + 1;
                } else {
                    int comma = line.indexOf(',', j);
                    int end = comma < 0 ? n : comma;
                    String value = line.substring(j, end).strip();
                    if (value.indexOf('"') >= 0) {
                        problem(number, "a quote in field " + (fields.size() + 1)
                                + " must be inside a quoted value, written as \"\"");
                        return null;
                    }
                    fields.add(value);
                    if (comma < 0) {
                        return fields;
                    }
                    i = comma + 1;
                }
            }
        }

        Result result() {
            return new Result(problemCount == 0 ? seats : List.of(), problems, problemCount);
        }
    }

    private static boolean validAttribute(String a) {
        if (a.length() > MAX_ATTRIBUTE_LENGTH || !(Cell.isAsciiLetter(a.charAt(0)) || Cell.isAsciiDigit(a.charAt(0)))) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (!(Cell.isAsciiLetter(c) || Cell.isAsciiDigit(c) || c == ' ' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Cell.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Physical lines ending in LF, CRLF or CR, each cut at {@link #MAX_LINE_LENGTH}; a leading BOM dropped. */
    private static final class LineReader {
        private final Reader in;
        private final StringBuilder buffer = new StringBuilder();
        private int lineNumber;
        private boolean afterCr;
        private boolean eof;
        private boolean tooLong;

        LineReader(Reader in) {
            this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
        }

        String next() throws IOException {
            if (eof) {
                return null;
            }
            buffer.setLength(0);
            tooLong = false;
            boolean any = false;
            while (true) {
                int c = in.read();
                if (c == -1) {
                    eof = true;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                if (afterCr) {
                    afterCr = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                any = true;
                if (c == '\n') {
                    break;
                }
                if (c == '\r') {
                    afterCr = true;
                    break;
                }
                if (buffer.length() < MAX_LINE_LENGTH) {
                    buffer.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            lineNumber++;
            if (lineNumber == 1 && buffer.length() > 0 && buffer.charAt(0) == '\uFEFF') {
                buffer.deleteCharAt(0);
            }
            return buffer.toString();
        }

        int lineNumber() {
            return lineNumber;
        }

        boolean tooLong() {
            return tooLong;
        }
    }
}
