package org.eticket.catalog.grid;

/**
 * One seat position in a layout grid, addressed like a spreadsheet cell: column letters then row
 * number ({@code C3}, {@code AB12}). Rows and columns start at 1 (column 1 is {@code A}).
 * Orders row-major (row first, then column).
 */
public record Cell(int row, int column) implements Comparable<Cell> {

    /** Largest row number, as in common spreadsheets (kept small enough that sizes fit in a long). */
    public static final int MAX_ROW = 1_000_000;
    /** Largest column number, {@code XFD}, as in common spreadsheets. */
    public static final int MAX_COLUMN = 16_384;

    private static final String EXAMPLE = "expected e.g. C3";

    public Cell {
        if (row < 1) {
            throw new GridException("row " + row + " is not valid: rows start at 1");
        }
        if (row > MAX_ROW) {
            throw new GridException("row " + row + " is not valid: rows end at " + MAX_ROW);
        }
        if (column < 1) {
            throw new GridException("column " + column + " is not valid: columns start at 1 (A)");
        }
        if (column > MAX_COLUMN) {
            throw new GridException("column " + column + " is not valid: columns end at "
                    + columnLabel(MAX_COLUMN) + " (" + MAX_COLUMN + ")");
        }
    }

    public static Cell of(int row, int column) {
        return new Cell(row, column);
    }

    /** Parses {@code "AB12"}; letters in either case, surrounding whitespace allowed. */
    public static Cell parse(String text) {
        if (text == null || text.isBlank()) {
            throw new GridException("no cell given: " + EXAMPLE);
        }
        String s = text.strip();
        int n = s.length();
        int i = 0;
        while (i < n && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        int lettersEnd = i;
        while (i < n && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        String q = GridException.quote(s);
        if (i != n) {
            throw new GridException(q + " is not a cell: expected column letters followed by a row number, e.g. C3");
        }
        if (lettersEnd == 0) {
            throw new GridException(q + " is not a cell: the column letters are missing, " + EXAMPLE);
        }
        if (lettersEnd == n) {
            throw new GridException(q + " is not a cell: the row number is missing, " + EXAMPLE);
        }
        int column = letterColumn(s.substring(0, lettersEnd));
        if (column > MAX_COLUMN) {
            throw new GridException(q + " is not a cell: columns end at " + columnLabel(MAX_COLUMN)
                    + " (" + MAX_COLUMN + ")");
        }
        long row = boundedNumber(s.substring(lettersEnd));
        if (row < 1) {
            throw new GridException(q + " is not a cell: rows start at 1");
        }
        if (row > MAX_ROW) {
            throw new GridException(q + " is not a cell: rows end at " + MAX_ROW);
        }
        return new Cell((int) row, column);
    }

    /** Column letters for a column number: 1 is A, 26 is Z, 27 is AA, 16384 is XFD. */
    public static String columnLabel(int column) {
        if (column < 1) {
            throw new GridException("column " + column + " is not valid: columns start at 1 (A)");
        }
        StringBuilder sb = new StringBuilder(4);
        int n = column;
        while (n > 0) {
            n--;
            sb.append((char) ('A' + n % 26));
            n /= 26;
        }
        return sb.reverse().toString();
    }

    /** Column number for column letters ({@code "AB"} is 28), either case. */
    public static int parseColumn(String letters) {
        if (letters == null || letters.isBlank()) {
            throw new GridException("no column given: expected letters, e.g. AB");
        }
        String s = letters.strip();
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiLetter(s.charAt(i))) {
                throw new GridException(GridException.quote(s) + " is not a column: expected letters, e.g. AB");
            }
        }
        int column = letterColumn(s);
        if (column > MAX_COLUMN) {
            throw new GridException(GridException.quote(s) + " is not a column: columns end at "
                    + columnLabel(MAX_COLUMN) + " (" + MAX_COLUMN + ")");
        }
        return column;
    }

    /** Spreadsheet-style address, e.g. {@code AB12}. */
    public String label() {
        return columnLabel(column) + row;
    }

    @Override
    public int compareTo(Cell other) {
        int c = Integer.compare(row, other.row);
        return c != 0 ? c : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return label();
    }

    /** Letters to a number, saturating just above MAX_COLUMN so long input cannot overflow. */
    private static int letterColumn(String letters) {
        int n = 0;
        for (int i = 0; i < letters.length(); i++) {
            n = n * 26 + (Character.toUpperCase(letters.charAt(i)) - 'A' + 1);
            if (n > MAX_COLUMN) {
                return MAX_COLUMN + 1;
            }
        }
        return n;
    }

    /** Digits to a number, saturating just above MAX_ROW (leading zeros allowed). */
    static long boundedNumber(String digits) {
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            n = n * 10 + (digits.charAt(i) - '0');
            if (n > MAX_ROW) {
                return MAX_ROW + 1L;
            }
        }
        return n;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
