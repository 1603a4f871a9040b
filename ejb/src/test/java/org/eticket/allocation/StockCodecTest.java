package org.eticket.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StockCodecTest {

    private static final List<StockLine> STOCK = List.of(
            new StockLine("AURORA-2026", "2026-12-19T18:00", "A6", "A", 9000, "JPY"),
            new StockLine("AURORA-2026", "2026-12-19T18:00", "B6", "A", 9000, "JPY"),
            new StockLine("SPRING, \"GALA\"", "2027-03-01T19:00", "AB12", null, 0, null));

    private static List<StockLine> lines(List<StockCodec.Parsed> parsed) {
        return parsed.stream().map(StockCodec.Parsed::stock).toList();
    }

    @Test
    void csvRoundTrip() {
        String csv = StockCodec.toCsv(STOCK);
        assertTrue(csv.startsWith("event,performance,seat,seat_type,price,currency\r\n"), csv);
        assertTrue(csv.contains("\"SPRING, \"\"GALA\"\"\""), "a comma and quotes are quoted: " + csv);
        assertEquals(STOCK, lines(StockCodec.parseCsv(csv)));
    }

    @Test
    void jsonRoundTrip() {
        String json = StockCodec.toJson("PLAZA", STOCK);
        assertTrue(json.contains("\"seller\":\"PLAZA\""), json);
        assertEquals(STOCK, lines(StockCodec.parseJson(json)));
        // a bare array is read too
        String array = json.substring(json.indexOf('['), json.lastIndexOf(']') + 1);
        assertEquals(STOCK, lines(StockCodec.parseJson(array)));
    }

    @Test
    void csvColumnsInAnyOrderBlankLinesAndByteOrderMark() {
        String csv = "\uFEFFseat,event,price,currency,performance,seat type\n\nc3,EV,100,jpy,2026-12-19T18:00,s\n";
        List<StockCodec.Parsed> parsed = StockCodec.parseCsv(csv);
        assertEquals(List.of(new StockLine("EV", "2026-12-19T18:00", "C3", "S", 100, "JPY")), lines(parsed));
        assertEquals(3, parsed.get(0).line(), "line numbers count the blank line");
    }

    @Test
    void everyBadCsvLineIsReportedWithItsNumber() {
        String csv = String.join("\n",
                "event,performance,seat,seat_type,price,currency",
                "EV,2026-12-19T18:00,A1,S,100,JPY",
                "EV,19.12.2026,A2,S,100,JPY",
                "EV,2026-12-19T18:00,2A,S,-5,JPY",
                "EV,2026-12-19T18:00,A4,S",
                "\"EV,2026-12-19T18:00,A5,S,100,JPY",
                ",2026-12-19T18:00,A6,S,cheap,YEN!");
        StockImportException e = assertThrows(StockImportException.class, () -> StockCodec.parseCsv(csv));
        List<StockImportException.LineError> errors = e.errors();
        assertEquals(List.of(3, 4, 5, 6, 7), errors.stream().map(StockImportException.LineError::line).toList(), errors.toString());
        assertTrue(errors.get(0).message().contains("\"19.12.2026\" is not a date and start time"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("2A") && errors.get(1).message().contains("price -5 is negative"),
                errors.get(1).message());
        assertTrue(errors.get(2).message().contains("expected 6 fields"), errors.get(2).message());
        assertTrue(errors.get(3).message().contains("not closed"), errors.get(3).message());
        assertTrue(errors.get(4).message().contains("event is missing") && errors.get(4).message().contains("\"cheap\"")
                && errors.get(4).message().contains("YEN!"), errors.get(4).message());
        assertTrue(e.getMessage().startsWith("the stock file was not imported (5 errors): line 3: "), e.getMessage());
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefused() {
        StockImportException header = assertThrows(StockImportException.class,
                () -> StockCodec.parseCsv("event,seat,price\nEV,A1,100"));
        assertEquals(1, header.errors().get(0).line());
        assertTrue(header.errors().get(0).message().contains("missing: performance,seat_type,currency"),
                header.errors().get(0).message());
        assertEquals("the file is empty", assertThrows(StockImportException.class, () -> StockCodec.parseCsv(" \n"))
                .errors().get(0).message());
        assertEquals("the file has a header but no seats", assertThrows(StockImportException.class,
                () -> StockCodec.parseCsv("event,performance,seat,seat_type,price,currency\n")).errors().get(0).message());
    }

    @Test
    void badJsonItemsAreReportedWithTheirLine() {
        String json = """
                {"seller": "PLAZA", "extra": {"stock": 1}, "stock": [
                  {"event": "EV", "performance": "2026-12-19T18:00", "seat": "A1", "seatType": "S", "price": 100, "currency": "JPY"},
                  {"event": "EV", "performance": "2026-12-19T18:00", "seat": "A:1", "seatType": "S", "price": 100},
                  "A3",
                  {"event": "EV", "performance": "tomorrow", "seat": "A4", "price": 1.5}
                ]}""";
        StockImportException e = assertThrows(StockImportException.class, () -> StockCodec.parseJson(json));
        assertEquals(List.of(3, 4, 5), e.errors().stream().map(StockImportException.LineError::line).toList(), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("A:1"), e.errors().get(0).message());
        assertEquals("each seat must be an object", e.errors().get(1).message());
        assertTrue(e.errors().get(2).message().contains("\"tomorrow\"") && e.errors().get(2).message().contains("\"1.5\""),
                e.errors().get(2).message());
    }

    @Test
    void malformedJsonNamesTheLine() {
        StockImportException e = assertThrows(StockImportException.class,
                () -> StockCodec.parseJson("{\"stock\": [\n{\"event\": \"EV\",,}\n]}"));
        assertEquals(2, e.errors().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals("the JSON object has no \"stock\" array",
                assertThrows(StockImportException.class, () -> StockCodec.parseJson("{\"seller\": \"X\"}")).errors().get(0).message());
        assertEquals("the file lists no seats",
                assertThrows(StockImportException.class, () -> StockCodec.parseJson("[]")).errors().get(0).message());
    }
}
