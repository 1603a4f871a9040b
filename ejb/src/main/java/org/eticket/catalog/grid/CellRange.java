package org.eticket.catalog.grid;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A rectangle of cells, {@code B1:F1}. The corners are normalised on construction so that
 * {@code from} is the top-left and {@code to} the bottom-right cell ({@code G7:A2} becomes {@code A2:G7}).
 */
public record CellRange(Cell from, Cell to) {

    private static final String EXAMPLE = "expected e.g. B1:F1";

    public CellRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Cell topLeft = new Cell(Math.min(from.row(), to.row()), Math.min(from.column(), to.column()));
        Cell bottomRight = new Cell(Math.max(from.row(), to.row()), Math.max(from.column(), to.column()));
        from = topLeft;
        to = bottomRight;
    }

    public static CellRange of(Cell cell) {
        return new CellRange(cell, cell);
    }

    public static CellRange of(Cell from, Cell to) {
        return new CellRange(from, to);
    }

    /** Parses {@code "A2:G7"} or a single cell {@code "C3"}; whitespace around the parts is allowed. */
    public static CellRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new GridException("no range given: " + EXAMPLE);
        }
        String s = text.strip();
        String q = GridException.quote(s);
        int colon = s.indexOf(':');
        if (colon < 0) {
            if (isAlphanumeric(s)) {
                return of(Cell.parse(s)); // a single cell; Cell gives the precise reason if it is bad
            }
            throw new GridException(q + " is not a range: " + EXAMPLE);
        }
        if (s.indexOf(':', colon + 1) >= 0) {
            throw new GridException(q + " is not a range: " + EXAMPLE);
        }
        String left = s.substring(0, colon).strip();
        String right = s.substring(colon + 1).strip();
        if (left.isEmpty() || right.isEmpty()) {
            throw new GridException(q + " is not a range: a cell is missing on one side of \":\", " + EXAMPLE);
        }
        try {
            return new CellRange(Cell.parse(left), Cell.parse(right));
        } catch (GridException e) {
            throw new GridException(q + " is not a range: " + e.getMessage());
        }
    }

    public int rowCount() {
        return to.row() - from.row() + 1;
    }

    public int columnCount() {
        return to.column() - from.column() + 1;
    }

    /** Number of cells; a long because the largest grid has more cells than an int holds. */
    public long size() {
        return (long) rowCount() * columnCount();
    }

    public boolean isSingleCell() {
        return from.equals(to);
    }

    public boolean contains(Cell cell) {
        return cell.row() >= from.row() && cell.row() <= to.row()
                && cell.column() >= from.column() && cell.column() <= to.column();
    }

    public boolean contains(CellRange other) {
        return contains(other.from) && contains(other.to);
    }

    public boolean overlaps(CellRange other) {
        return from.row() <= other.to.row() && other.from.row() <= to.row()
                && from.column() <= other.to.column() && other.from.column() <= to.column();
    }

    public Optional<CellRange> intersection(CellRange other) {
        if (!overlaps(other)) {
            return Optional.empty();
        }
        return Optional.of(new CellRange(
                new Cell(Math.max(from.row(), other.from.row()), Math.max(from.column(), other.from.column())),
                new Cell(Math.min(to.row(), other.to.row()), Math.min(to.column(), other.to.column()))));
    }

    /**
     * The cells in row-major order, as a view computed on access (a range of the largest grid would
     * not fit in memory as a list).
     */
    public List<Cell> cells() {
        long n = size();
        if (n > Integer.MAX_VALUE) {
            throw new GridException("range " + label() + " has " + n + " cells, too many to list");
        }
        return new CellList(from, columnCount(), (int) n);
    }

    /** Throws unless the whole range lies inside a layout of {@code rows} x {@code columns}. */
    public CellRange checkWithin(int rows, int columns) {
        if (!isWithin(rows, columns)) {
            throw new GridException((isSingleCell() ? "cell " : "range ") + GridException.quote(label())
                    + " lies outside the layout (" + describeLayout(rows, columns) + ")");
        }
        return this;
    }

    /** {@code "B1:F1"}, or {@code "C3"} for a single cell. */
    public String label() {
        return isSingleCell() ? from.label() : from.label() + ":" + to.label();
    }

    @Override
    public String toString() {
        return label();
    }

    boolean isWithin(int rows, int columns) {
        checkLayout(rows, columns);
        return to.row() <= rows && to.column() <= columns;
    }

    /** {@code "20 rows x 30 columns, A1:AD20"}. */
    static String describeLayout(int rows, int columns) {
        checkLayout(rows, columns);
        return rows + (rows == 1 ? " row" : " rows") + " x " + columns + (columns == 1 ? " column" : " columns")
                + ", " + new CellRange(new Cell(1, 1), new Cell(rows, columns)).label();
    }

    static void checkLayout(int rows, int columns) {
        if (rows < 1 || rows > Cell.MAX_ROW || columns < 1 || columns > Cell.MAX_COLUMN) {
            throw new IllegalArgumentException("a layout has 1 to " + Cell.MAX_ROW + " rows and 1 to "
                    + Cell.MAX_COLUMN + " columns, not " + rows + " x " + columns);
        }
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Cell.isAsciiLetter(c) && !Cell.isAsciiDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class CellList extends AbstractList<Cell> implements RandomAccess {
        private final Cell origin;
        private final int width;
        private final int size;

        CellList(Cell origin, int width, int size) {
            this.origin = origin;
            this.width = width;
            this.size = size;
        }

        @Override
        public Cell get(int index) {
            Objects.checkIndex(index, size);
            return new Cell(origin.row() + index / width, origin.column() + index % width);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
