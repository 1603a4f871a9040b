package org.eticket.catalog.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ranges of a layout belong to which seat type (S, A, ...), as the organizer selects them on the
 * grid. Adding a code again merges its ranges. A cell may have one seat type only: {@link #overlaps()}
 * finds the cells two types claim. Seat type codes are 1 to 8 letters or digits, compared and kept in
 * upper case, so {@code "s"} and {@code "S"} are one type.
 */
public final class SeatTypeAssignment {

    public static final int MAX_CODE_LENGTH = 8;

    private final Map<String, CellRanges> byType = new LinkedHashMap<>();

    /** Two seat types that claim the same cells. */
    public record Overlap(String firstType, String secondType, CellRanges cells) {
        public Overlap {
            Objects.requireNonNull(firstType, "firstType");
            Objects.requireNonNull(secondType, "secondType");
            Objects.requireNonNull(cells, "cells");
        }

        /** {@code "seat types S and A overlap at C3:D4"}. */
        public String message() {
            return "seat types " + firstType + " and " + secondType + " overlap at " + cells.label();
        }
    }

    public static SeatTypeAssignment of(Map<String, CellRanges> rangesBySeatType) {
        SeatTypeAssignment a = new SeatTypeAssignment();
        rangesBySeatType.forEach(a::add);
        return a;
    }

    /** Adds ranges to a seat type; a code already present gets the new ranges appended. */
    public SeatTypeAssignment add(String seatType, CellRanges ranges) {
        Objects.requireNonNull(ranges, "ranges");
        byType.merge(normalizeCode(seatType), ranges, CellRanges::plus);
        return this;
    }

    /** Same as {@link #add(String, CellRanges)} with ranges as typed, e.g. {@code "B1:F1, A2:G7"}. */
    public SeatTypeAssignment add(String seatType, String ranges) {
        return add(seatType, CellRanges.parse(ranges));
    }

    /** The ranges per seat type, in the order the types were first added. */
    public Map<String, CellRanges> byType() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** The first seat type (in insertion order) whose ranges contain the cell. */
    public Optional<String> seatTypeAt(Cell cell) {
        for (Map.Entry<String, CellRanges> e : byType.entrySet()) {
            if (e.getValue().contains(cell)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Every pair of seat types that share cells, with the shared cells as compact ranges. */
    public List<Overlap> overlaps() {
        List<String> codes = new ArrayList<>(byType.keySet());
        List<CellRanges> normal = new ArrayList<>(codes.size());
        for (String code : codes) {
            normal.add(byType.get(code).normalized());
        }
        List<Overlap> found = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                if (!normal.get(i).overlaps(normal.get(j))) {
                    continue;
                }
                CellRanges shared = CellRanges.intersectDisjoint(normal.get(i).ranges(), normal.get(j).ranges());
                found.add(new Overlap(codes.get(i), codes.get(j), shared));
            }
        }
        return found;
    }

    /** Throws, naming every overlap, if any two seat types share a cell. */
    public SeatTypeAssignment checkNoOverlaps() {
        List<Overlap> overlaps = overlaps();
        if (!overlaps.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Overlap o : overlaps) {
                sb.append(sb.length() == 0 ? "" : "; ").append(o.message());
            }
            throw new GridException(sb.toString());
        }
        return this;
    }

    /** Throws if a seat type's ranges reach outside a layout of {@code rows} x {@code columns}. */
    public SeatTypeAssignment checkWithin(int rows, int columns) {
        for (Map.Entry<String, CellRanges> e : byType.entrySet()) {
            try {
                e.getValue().checkWithin(rows, columns);
            } catch (GridException ex) {
                throw new GridException("seat type " + e.getKey() + ": " + ex.getMessage());
            }
        }
        return this;
    }

    /** Validates a seat type code and returns it trimmed and in upper case. */
    public static String normalizeCode(String code) {
        if (code == null || code.isBlank()) {
            throw new GridException("no seat type given: use 1 to " + MAX_CODE_LENGTH + " letters or digits, e.g. S");
        }
        String c = code.strip();
        boolean ok = c.length() <= MAX_CODE_LENGTH;
        for (int i = 0; ok && i < c.length(); i++) {
            ok = Cell.isAsciiLetter(c.charAt(i)) || Cell.isAsciiDigit(c.charAt(i));
        }
        if (!ok) {
            throw new GridException("seat type " + GridException.quote(c) + " is not valid: use 1 to "
                    + MAX_CODE_LENGTH + " letters or digits, e.g. S");
        }
        return c.toUpperCase(Locale.ROOT);
    }
}
