package org.eticket.web.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.eticket.catalog.grid.CellRanges;
import org.junit.jupiter.api.Test;

class SeatMapDataTest {

    @Test
    void encodesOneCharacterPerCellRowMajor() {
        SeatMapData data = SeatMapData.of(2, 3, "A1:C1, B2")
                .layer("type", List.of(new SeatMapData.Entry("S", "S seat", "#ff0000"), new SeatMapData.Entry("A", "A seat", "#0000ff")))
                .mark("type", 0, CellRanges.parse("A1:B1"))
                .mark("type", 1, CellRanges.parse("B2"));
        JsonObject json = Json.createReader(new StringReader(data.toJson())).readObject();
        assertEquals(2, json.getInt("rows"));
        assertEquals(3, json.getInt("columns"));
        assertEquals("111010", json.getString("seat"));
        JsonObject type = json.getJsonObject("layers").getJsonObject("type");
        assertEquals("00//1/", type.getString("cells"));
        assertEquals("S", type.getJsonArray("names").getJsonObject(0).getString("code"));
    }

    @Test
    void rangesMergeRepeatedRunsIntoRectangles() {
        boolean[] cells = new boolean[4 * 5];
        for (int r = 0; r < 3; r++) {
            for (int c = 1; c < 4; c++) {
                cells[r * 5 + c] = true;
            }
        }
        cells[3 * 5] = true;
        assertEquals("B1:D3, A4", SeatMapData.rangesOf(cells, 4, 5));
        assertEquals("", SeatMapData.rangesOf(new boolean[6], 2, 3));
    }

    @Test
    void drawingAislesRemovesCellsFromTheSeats() {
        SeatMapData hall = SeatMapData.of(3, 4, "A1:D3");
        assertEquals("A1:A3, C1:D3", hall.seatsWith(CellRanges.parse("B1:B3"), false));
        assertEquals("A1:D3", SeatMapData.of(3, 4, "A1:A3, C1:D3").seatsWith(CellRanges.parse("B1:B3"), true));
    }

    @Test
    void rangesWithSkipsAislesAndCountsOnlySeats() {
        SeatMapData hall = SeatMapData.of(2, 5, "A1:B2, D1:E2");
        assertEquals("A1:B1, D1:E1", hall.rangesWith(null, CellRanges.parse("A1:E1"), true), "the aisle in column C is skipped");
        assertEquals("A1, D1:E1", hall.rangesWith("A1:B1, D1:E1", CellRanges.parse("B1"), false));
        assertEquals(4, hall.seatsIn(CellRanges.parse("A1:E1, B1")));
        assertTrue(hall.isSeat(1, 1));
        assertFalse(hall.isSeat(1, 3));
    }

    @Test
    void aNameCannotBreakOutOfTheJson() {
        String json = SeatMapData.of(1, 1, "A1")
                .layer("seller", List.of(new SeatMapData.Entry("X", "Evil \"</script><script>alert(1)</script>", "#000000")))
                .toJson();
        JsonObject parsed = Json.createReader(new StringReader(json)).readObject();
        assertEquals("Evil \"</script><script>alert(1)</script>",
                parsed.getJsonObject("layers").getJsonObject("seller").getJsonArray("names").getJsonObject(0).getString("name"));
    }

    @Test
    void moneyIsWrittenInTheCurrencysOwnDecimals() {
        assertEquals("12000 JPY", SeatMaps.money(12000, "JPY"));
        assertEquals("120.00 EUR", SeatMaps.money(12000, "EUR"));
        assertEquals("1.05", SeatMaps.money(105, null));
    }
}
