package org.eticket.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder sb = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                sb.append(extractor.getTextFromPage(page)).append('\n');
            }
            return sb.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void aReportWithLinesATableAndASeatMapReadsBack() throws Exception {
        String[][] grid = {{"SOLD", null, "FREE"}, {"FREE", "FREE", "SOLD"}};
        byte[] pdf = PdfReport.titled("Sales by seller: AURORA-2026")
                .line("Sold: 2")
                .table(List.of("Seller", "Sold"), List.of(List.of("PLAZA", "17"), List.of("CITY", "4")))
                .seatMap(grid, Map.of("FREE", Color.LIGHT_GRAY, "SOLD", Color.RED))
                .toBytes();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = text(pdf);
        assertTrue(text.contains("Sales by seller: AURORA-2026"), text);
        assertTrue(text.contains("PLAZA") && text.contains("17") && text.contains("CITY"), text);
        assertTrue(text.contains("SOLD") && text.contains("FREE"), "the legend names the colours: " + text);
    }

    @Test
    void moneyInMinorUnits() {
        assertEquals("12000 JPY", PdfReport.money(12000, "JPY"));
        assertEquals("12.50 EUR", PdfReport.money(1250, "EUR"));
        assertEquals("7", PdfReport.money(7, null));
    }
}
