package org.eticket.catalog.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeatTypeAssignmentTest {

    private static CellRanges p(String text) {
        return CellRanges.parse(text);
    }

    @Test
    void disjointTypesHaveNoOverlap() {
        SeatTypeAssignment a = new SeatTypeAssignment()
                .add("S", "B1:F1, A2:G7, B8:F8")
                .add("A", "A9:G10")
                .add("B", "A1, G1, A8, G8");
        assertEquals(List.of(), a.overlaps());
        a.checkNoOverlaps();
        a.checkWithin(10, 7);
    }

    @Test
    void overlapIsReportedWithTheSharedCells() {
        SeatTypeAssignment a = new SeatTypeAssignment().add("S", "A1:D4").add("A", "C3:F6");
        List<SeatTypeAssignment.Overlap> overlaps = a.overlaps();
        assertEquals(1, overlaps.size());
        SeatTypeAssignment.Overlap o = overlaps.get(0);
        assertEquals("S", o.firstType());
        assertEquals("A", o.secondType());
        assertEquals(p("C3:D4"), o.cells());
        assertEquals("seat types S and A overlap at C3:D4", o.message());
        assertEquals("seat types S and A overlap at C3:D4",
                assertThrows(GridException.class, a::checkNoOverlaps).getMessage());
    }

    @Test
    void overlapCellsAreCompressed() {
        // A's two ranges touch S in an L shape, and overlap each other (which is harmless)
        SeatTypeAssignment a = new SeatTypeAssignment().add("S", "A1:C3").add("A", "C1:C5, B2:C2, C2");
        assertEquals("seat types S and A overlap at C1, B2:C2, C3",
                assertThrows(GridException.class, a::checkNoOverlaps).getMessage());
    }

    @Test
    void everyPairIsReported() {
        SeatTypeAssignment a = new SeatTypeAssignment()
                .add("S", "A1:J1")
                .add("A", "J1:J5")
                .add("B", "A5:J5")
                .add("C", "Z9");
        assertEquals("seat types S and A overlap at J1; seat types A and B overlap at J5",
                assertThrows(GridException.class, a::checkNoOverlaps).getMessage());
        assertEquals(2, a.overlaps().size());
    }

    @Test
    void sameCodeTwiceIsMerged() {
        SeatTypeAssignment a = new SeatTypeAssignment().add("S", "A1:B1").add("A", "A3").add(" s ", "C1");
        assertEquals(List.of("S", "A"), List.copyOf(a.byType().keySet()));
        assertEquals("A1:B1, C1", a.byType().get("S").label());
        // a type overlapping itself is no conflict
        a.add("S", "B1:C2");
        assertEquals(List.of(), a.overlaps());
    }

    @Test
    void mergedCodeConflictsWithAnother() {
        Map<String, CellRanges> form = new LinkedHashMap<>();
        form.put("S", p("A1:B1"));
        form.put("A", p("A2:B2"));
        form.put("s", p("A2")); // typed again in lower case further down the form
        SeatTypeAssignment a = SeatTypeAssignment.of(form);
        assertEquals(2, a.byType().size());
        assertEquals("seat types S and A overlap at A2",
                assertThrows(GridException.class, a::checkNoOverlaps).getMessage());
    }

    @Test
    void seatTypeAtCell() {
        SeatTypeAssignment a = new SeatTypeAssignment().add("S", "B1:F1, A2:G7, B8:F8").add("A", "A1");
        assertEquals(Optional.of("S"), a.seatTypeAt(Cell.parse("G7")));
        assertEquals(Optional.of("A"), a.seatTypeAt(Cell.parse("A1")));
        assertEquals(Optional.empty(), a.seatTypeAt(Cell.parse("A8")));
    }

    @Test
    void codesAreValidated() {
        assertEquals("seat type \"VIP-1\" is not valid: use 1 to 8 letters or digits, e.g. S",
                assertThrows(GridException.class, () -> new SeatTypeAssignment().add("VIP-1", "A1")).getMessage());
        assertEquals("seat type \"ABCDEFGHI\" is not valid: use 1 to 8 letters or digits, e.g. S",
                assertThrows(GridException.class, () -> SeatTypeAssignment.normalizeCode("ABCDEFGHI")).getMessage());
        assertEquals("no seat type given: use 1 to 8 letters or digits, e.g. S",
                assertThrows(GridException.class, () -> SeatTypeAssignment.normalizeCode(" ")).getMessage());
        assertEquals("BOX12345", SeatTypeAssignment.normalizeCode(" box12345 "));
    }

    @Test
    void checkWithinNamesTheSeatType() {
        SeatTypeAssignment a = new SeatTypeAssignment().add("S", "A1:B2").add("A", "A1:ZZ99");
        assertEquals("seat type A: range \"A1:ZZ99\" lies outside the layout (20 rows x 30 columns, A1:AD20)",
                assertThrows(GridException.class, () -> a.checkWithin(20, 30)).getMessage());
    }

    @Test
    void byTypeIsACopy() {
        SeatTypeAssignment a = new SeatTypeAssignment().add("S", "A1");
        Map<String, CellRanges> view = a.byType();
        assertThrows(UnsupportedOperationException.class, () -> view.put("A", p("B1")));
        a.add("A", "B1");
        assertEquals(1, view.size());
        assertTrue(a.byType().containsKey("A"));
    }
}
