package org.eticket.web.backoffice;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eticket.catalog.grid.CellRange;
import org.eticket.catalog.grid.CellRanges;

/**
 * The compact JSON that {@code resources/seatmap/seatmap.js} draws: the grid size, one character per
 * cell for "seat or aisle", and per colouring (seat type, seller, sale state) a legend and one
 * character per cell indexing it ({@code '/'} for none). A 50,000-seat stadium is a few hundred
 * kilobytes, and the browser decodes it in one pass.
 */
public final class SeatMapData {

    /** One legend entry: short code written on the seats, full name, colour {@code #rrggbb}. */
    public record Entry(String code, String name, String colour) {
    }

    /** Colours told apart by most people with a colour-vision deficiency (Okabe-Ito), then more. */
    public static final List<String> PALETTE = List.of("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9",
            "#d55e00", "#f0e442", "#7f3c8d", "#11a579", "#3969ac", "#f2b701", "#e73f74");

    private static final char NONE = '/';
    private static final int MAX_ENTRIES = 60_000;

    private final int rows;
    private final int columns;
    private final boolean[] seat;
    private final Map<String, Layer> layers = new LinkedHashMap<>();

    private record Layer(List<Entry> entries, char[] cells) {
    }

    private SeatMapData(int rows, int columns, boolean[] seat) {
        this.rows = rows;
        this.columns = columns;
        this.seat = seat;
    }

    /** A layout's grid: the cells listed in {@code seatRanges} are seats, the rest aisles. */
    public static SeatMapData of(int rows, int columns, String seatRanges) {
        SeatMapData data = new SeatMapData(rows, columns, new boolean[Math.multiplyExact(rows, columns)]);
        if (seatRanges != null && !seatRanges.isBlank()) {
            data.each(CellRanges.parse(seatRanges), i -> data.seat[i] = true);
        }
        return data;
    }

    /** Makes one cell (1-based) a seat; for maps built seat by seat from a service's list. */
    public SeatMapData seat(int row, int column) {
        if (row >= 1 && row <= rows && column >= 1 && column <= columns) {
            seat[(row - 1) * columns + (column - 1)] = true;
        }
        return this;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public boolean isSeat(int row, int column) {
        return seat[(row - 1) * columns + (column - 1)];
    }

    /** Starts a colouring; cells are then given entries with {@link #mark}. */
    public SeatMapData layer(String name, List<Entry> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("too many legend entries: " + entries.size());
        }
        char[] cells = new char[seat.length];
        Arrays.fill(cells, NONE);
        layers.put(name, new Layer(List.copyOf(entries), cells));
        return this;
    }

    /** Gives the cells of {@code ranges} entry {@code index} of colouring {@code name}. */
    public SeatMapData mark(String name, int index, CellRanges ranges) {
        char[] cells = layers.get(name).cells();
        each(ranges, i -> cells[i] = (char) ('0' + index));
        return this;
    }

    /** Gives one cell (1-based row and column) entry {@code index} of colouring {@code name}. */
    public SeatMapData mark(String name, int index, int row, int column) {
        if (row >= 1 && row <= rows && column >= 1 && column <= columns) {
            layers.get(name).cells()[(row - 1) * columns + (column - 1)] = (char) ('0' + index);
        }
        return this;
    }

    /** The seats after making the cells of {@code ranges} seats ({@code on}) or aisles, as ranges text. */
    public String seatsWith(CellRanges ranges, boolean on) {
        boolean[] next = seat.clone();
        each(ranges, i -> next[i] = on);
        return rangesOf(next, rows, columns);
    }

    /**
     * {@code base} with the seats of {@code change} added ({@code on}) or removed, as ranges text;
     * aisles in {@code change} are left out, so a dragged rectangle may cross an aisle.
     */
    public String rangesWith(String base, CellRanges change, boolean on) {
        boolean[] next = new boolean[seat.length];
        if (base != null && !base.isBlank()) {
            each(CellRanges.parse(base), i -> next[i] = seat[i]);
        }
        each(change, i -> next[i] = on && seat[i]);
        return rangesOf(next, rows, columns);
    }

    /** How many seats (not aisles) the ranges cover. */
    public int seatsIn(CellRanges ranges) {
        int[] n = {0};
        boolean[] seen = new boolean[seat.length];
        each(ranges, i -> {
            if (seat[i] && !seen[i]) {
                seen[i] = true;
                n[0]++;
            }
        });
        return n[0];
    }

    /**
     * Cells as ranges: runs in each row, and a run repeated in the next rows merged into one
     * rectangle (the same encoding as seatmap.js), so a block of seats stays one range.
     */
    static String rangesOf(boolean[] cells, int rows, int columns) {
        List<int[]> done = new java.util.ArrayList<>();
        Map<Long, int[]> open = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            Map<Long, int[]> still = new LinkedHashMap<>();
            int c = 0;
            while (c < columns) {
                if (!cells[r * columns + c]) {
                    c++;
                    continue;
                }
                int start = c;
                while (c < columns && cells[r * columns + c]) {
                    c++;
                }
                long key = ((long) start << 32) | (c - 1);
                int[] block = open.remove(key);
                if (block == null) {
                    block = new int[] {r, r, start, c - 1};
                } else {
                    block[1] = r;
                }
                still.put(key, block);
            }
            done.addAll(open.values());
            open = still;
        }
        done.addAll(open.values());
        done.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[2], b[2]));
        StringBuilder sb = new StringBuilder();
        for (int[] b : done) {
            String from = org.eticket.catalog.grid.Cell.columnLabel(b[2] + 1) + (b[0] + 1);
            String to = org.eticket.catalog.grid.Cell.columnLabel(b[3] + 1) + (b[1] + 1);
            sb.append(sb.length() == 0 ? "" : ", ").append(from.equals(to) ? from : from + ":" + to);
        }
        return sb.toString();
    }

    public String toJson() {
        StringBuilder seats = new StringBuilder(seat.length);
        for (boolean s : seat) {
            seats.append(s ? '1' : '0');
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("rows", rows).add("columns", columns)
                .add("seat", seats.toString());
        JsonObjectBuilder all = Json.createObjectBuilder();
        layers.forEach((name, layer) -> {
            JsonArrayBuilder names = Json.createArrayBuilder();
            layer.entries().forEach(e -> names.add(Json.createObjectBuilder().add("code", e.code() == null ? "" : e.code())
                    .add("name", e.name()).add("colour", e.colour())));
            all.add(name, Json.createObjectBuilder().add("names", names).add("cells", new String(layer.cells())));
        });
        return out.add("layers", all).build().toString();
    }

    /** Visits the cells of the ranges that lie on the grid, by rectangle (no list of cells is built). */
    private void each(CellRanges ranges, java.util.function.IntConsumer visit) {
        for (CellRange r : ranges) {
            int bottom = Math.min(rows, r.to().row());
            int right = Math.min(columns, r.to().column());
            for (int row = r.from().row(); row <= bottom; row++) {
                for (int column = r.from().column(); column <= right; column++) {
                    visit.accept((row - 1) * columns + (column - 1));
                }
            }
        }
    }
}
