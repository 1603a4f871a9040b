package org.eticket.catalog.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered list of cell ranges, written {@code B1:F1, A2:G7, B8:F8}. The ranges may overlap;
 * {@link #cells()} and {@link #size()} count each cell once. Immutable.
 */
public final class CellRanges implements Iterable<CellRange> {

    /** Longest text {@link #parse} accepts, so a pasted file cannot exhaust memory. */
    public static final int MAX_TEXT_LENGTH = 1_000_000;
    /** Most cells {@link #cells()} will list; larger selections are handled as ranges. */
    public static final int MAX_LISTED_CELLS = 1_000_000;

    private static final CellRanges EMPTY = new CellRanges(List.of());
    private static final Comparator<CellRange> TOP_LEFT_FIRST =
            Comparator.comparing(CellRange::from).thenComparing(CellRange::to);
    private static final int MAX_LISTED_OUTSIDE = 10;

    private final List<CellRange> ranges;

    private CellRanges(List<CellRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static CellRanges empty() {
        return EMPTY;
    }

    public static CellRanges of(CellRange... ranges) {
        return new CellRanges(Arrays.asList(ranges));
    }

    public static CellRanges of(Collection<CellRange> ranges) {
        return new CellRanges(new ArrayList<>(ranges));
    }

    /**
     * Parses {@code "B1:F1, A2:G7, B8:F8"}; ranges are separated by {@code ,} or {@code ;}, whitespace
     * is ignored, and so are empty entries ({@code "B1:F1,,C3,"}). Blank text is an error.
     */
    public static CellRanges parse(String text) {
        if (text == null || text.isBlank()) {
            throw new GridException("no ranges given: expected e.g. B1:F1, A2:G7");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new GridException("the list of ranges is too long: " + text.length()
                    + " characters, at most " + MAX_TEXT_LENGTH);
        }
        List<CellRange> parsed = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ',' || text.charAt(i) == ';') {
                String part = text.substring(start, i);
                if (!part.isBlank()) {
                    parsed.add(CellRange.parse(part));
                }
                start = i + 1;
            }
        }
        if (parsed.isEmpty()) {
            throw new GridException("no ranges given: expected e.g. B1:F1, A2:G7");
        }
        return new CellRanges(parsed);
    }

    /**
     * A short list of rectangles covering exactly the given cells (duplicates ignored): runs of
     * adjacent cells in a row, merged downwards while the next row has the same run. The result is
     * sorted top-left first, so the same set of cells always gives the same ranges.
     */
    public static CellRanges fromCells(Collection<Cell> cells) {
        List<CellRange> single = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            single.add(CellRange.of(Objects.requireNonNull(c, "cell")));
        }
        return new CellRanges(single).normalized();
    }

    public List<CellRange> ranges() {
        return ranges;
    }

    @Override
    public Iterator<CellRange> iterator() {
        return ranges.iterator();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(Cell cell) {
        for (CellRange r : ranges) {
            if (r.contains(cell)) {
                return true;
            }
        }
        return false;
    }

    public boolean overlaps(CellRanges other) {
        for (CellRange a : ranges) {
            for (CellRange b : other.ranges) {
                if (a.overlaps(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Number of distinct cells covered. */
    public long size() {
        long[] total = {0};
        sweep((top, bottom, starts, ends, count) -> {
            long width = 0;
            for (int i = 0; i < count; i++) {
                width += ends[i] - starts[i] + 1;
            }
            total[0] += width * (bottom - top + 1);
        });
        return total[0];
    }

    /** The distinct cells covered, in row-major order. */
    public List<Cell> cells() {
        long n = size();
        if (n > MAX_LISTED_CELLS) {
            throw new GridException(GridException.quote(label()) + " covers " + n + " cells; at most "
                    + MAX_LISTED_CELLS + " can be listed");
        }
        List<Cell> out = new ArrayList<>((int) n);
        sweep((top, bottom, starts, ends, count) -> {
            for (int row = top; row <= bottom; row++) {
                for (int i = 0; i < count; i++) {
                    for (int col = starts[i]; col <= ends[i]; col++) {
                        out.add(new Cell(row, col));
                    }
                }
            }
        });
        return List.copyOf(out);
    }

    /**
     * The same cells as disjoint rectangles in canonical form: two lists cover the same cells
     * exactly when their normalised forms are equal.
     */
    public CellRanges normalized() {
        Merger merger = new Merger();
        sweep(merger);
        return new CellRanges(merger.finish());
    }

    /** The cells covered by both, normalised. */
    public CellRanges intersection(CellRanges other) {
        return intersectDisjoint(normalized().ranges, other.normalized().ranges);
    }

    /** This list followed by the ranges of {@code other} not already in it. */
    public CellRanges plus(CellRanges other) {
        LinkedHashSet<CellRange> all = new LinkedHashSet<>(ranges);
        all.addAll(other.ranges);
        return new CellRanges(new ArrayList<>(all));
    }

    /** Throws, naming every range that reaches outside a layout of {@code rows} x {@code columns}. */
    public CellRanges checkWithin(int rows, int columns) {
        List<CellRange> outside = new ArrayList<>();
        for (CellRange r : ranges) {
            if (!r.isWithin(rows, columns)) {
                outside.add(r);
            }
        }
        if (outside.size() == 1) {
            outside.get(0).checkWithin(rows, columns);
        }
        if (!outside.isEmpty()) {
            StringBuilder sb = new StringBuilder("ranges ");
            for (int i = 0; i < Math.min(outside.size(), MAX_LISTED_OUTSIDE); i++) {
                sb.append(i == 0 ? "" : ", ").append(GridException.quote(outside.get(i).label()));
            }
            if (outside.size() > MAX_LISTED_OUTSIDE) {
                sb.append(" and ").append(outside.size() - MAX_LISTED_OUTSIDE).append(" more");
            }
            sb.append(" lie outside the layout (").append(CellRange.describeLayout(rows, columns)).append(')');
            throw new GridException(sb.toString());
        }
        return this;
    }

    /** {@code "B1:F1, A2:G7, B8:F8"}; empty for no ranges. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (CellRange r : ranges) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(r.label());
        }
        return sb.toString();
    }

    /** Equal when the lists are the same, in order; compare {@link #normalized()} to compare cells. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CellRanges other && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return label();
    }

    /** Intersections of two lists whose own rectangles do not overlap each other. */
    static CellRanges intersectDisjoint(List<CellRange> a, List<CellRange> b) {
        List<CellRange> bByTop = new ArrayList<>(b);
        bByTop.sort(TOP_LEFT_FIRST);
        List<CellRange> out = new ArrayList<>();
        for (CellRange x : a) {
            for (CellRange y : bByTop) {
                if (y.from().row() > x.to().row()) {
                    break;
                }
                x.intersection(y).ifPresent(out::add);
            }
        }
        return new CellRanges(out).normalized();
    }

    private static CellRange rectangle(int[] rows, long columnKey) {
        int firstColumn = (int) (columnKey >>> 32);
        int lastColumn = (int) columnKey;
        return new CellRange(new Cell(rows[0], firstColumn), new Cell(rows[1], lastColumn));
    }

    /** Joins a band's column intervals to the rectangles above that end just over it with the same columns. */
    private static final class Merger implements BandVisitor {
        private final List<CellRange> done = new ArrayList<>();
        // open rectangles keyed by column interval (first << 32 | last); value = {firstRow, lastRow}
        private Map<Long, int[]> open = new HashMap<>();

        @Override
        public void visit(int top, int bottom, int[] starts, int[] ends, int count) {
            Map<Long, int[]> next = new HashMap<>();
            for (int i = 0; i < count; i++) {
                long key = ((long) starts[i] << 32) | ends[i];
                int[] rows = open.remove(key);
                if (rows != null && rows[1] == top - 1) {
                    rows[1] = bottom;
                } else {
                    if (rows != null) {
                        done.add(rectangle(rows, key));
                    }
                    rows = new int[] {top, bottom};
                }
                next.put(key, rows);
            }
            open.forEach((key, rows) -> done.add(rectangle(rows, key)));
            open = next;
        }

        List<CellRange> finish() {
            open.forEach((key, rows) -> done.add(rectangle(rows, key)));
            open = new HashMap<>();
            done.sort(TOP_LEFT_FIRST);
            return done;
        }
    }

    private interface BandVisitor {
        /** Rows {@code top..bottom} are all covered by the same merged column intervals. */
        void visit(int top, int bottom, int[] starts, int[] ends, int count);
    }

    /**
     * Walks the horizontal bands between range edges, top to bottom, handing each band's covered
     * columns as sorted, merged intervals (adjacent intervals joined). Bands with nothing are skipped.
     */
    private void sweep(BandVisitor visitor) {
        if (ranges.isEmpty()) {
            return;
        }
        CellRange[] byTop = ranges.toArray(new CellRange[0]);
        Arrays.sort(byTop, Comparator.comparingInt(r -> r.from().row()));
        int[] bounds = new int[byTop.length * 2];
        for (int i = 0; i < byTop.length; i++) {
            bounds[2 * i] = byTop[i].from().row();
            bounds[2 * i + 1] = byTop[i].to().row() + 1;
        }
        Arrays.sort(bounds);
        List<CellRange> active = new ArrayList<>();
        int next = 0;
        int[][] intervals = new int[0][];
        int[] starts = new int[byTop.length];
        int[] ends = new int[byTop.length];
        for (int b = 0; b < bounds.length - 1; b++) {
            int top = bounds[b];
            if (bounds[b + 1] == top) {
                continue;
            }
            int bottom = bounds[b + 1] - 1;
            active.removeIf(r -> r.to().row() < top);
            while (next < byTop.length && byTop[next].from().row() == top) {
                active.add(byTop[next++]);
            }
            if (active.isEmpty()) {
                continue;
            }
            if (intervals.length < active.size()) {
                intervals = new int[Math.max(active.size(), intervals.length * 2)][];
            }
            for (int i = 0; i < active.size(); i++) {
                intervals[i] = new int[] {active.get(i).from().column(), active.get(i).to().column()};
            }
            Arrays.sort(intervals, 0, active.size(), Comparator.comparingInt(iv -> iv[0]));
            int count = 0;
            for (int i = 0; i < active.size(); i++) {
                int[] iv = intervals[i];
                if (count > 0 && iv[0] <= ends[count - 1] + 1) {
                    ends[count - 1] = Math.max(ends[count - 1], iv[1]);
                } else {
                    starts[count] = iv[0];
                    ends[count] = iv[1];
                    count++;
                }
            }
            visitor.visit(top, bottom, starts, ends, count);
        }
    }
}
