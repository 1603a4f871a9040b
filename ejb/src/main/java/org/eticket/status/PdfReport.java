package org.eticket.status;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * A printable report (C6 print, C7 registration report, C9 sales status): a title, lines of
 * facts, tables and an optional seat map drawn as coloured squares. Built with OpenPDF; the
 * standard Helvetica font covers Latin text only.
 */
public final class PdfReport {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document = new Document(PageSize.A4, 36, 36, 36, 36);
    private final PdfWriter writer;

    private PdfReport(String title) {
        try {
            writer = PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addCreator("E-ticket platform center");
            document.open();
            Paragraph p = new Paragraph(title, TITLE);
            p.setSpacingAfter(6);
            document.add(p);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot start the PDF report", e);
        }
    }

    public static PdfReport titled(String title) {
        return new PdfReport(title);
    }

    /** A line of text under the title. */
    public PdfReport line(String text) {
        add(new Paragraph(text, TEXT));
        return this;
    }

    /** A table with a header row; every row has as many cells as the header. */
    public PdfReport table(List<String> header, List<List<String>> rows) {
        PdfPTable t = new PdfPTable(header.size());
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        t.setHeaderRows(1);
        for (String h : header) {
            PdfPCell c = new PdfPCell(new Phrase(h, HEAD));
            c.setBackgroundColor(new Color(230, 230, 230));
            t.addCell(c);
        }
        for (List<String> row : rows) {
            for (String v : row) {
                t.addCell(new Phrase(v == null ? "" : v, TEXT));
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("(none)", TEXT));
            none.setColspan(header.size());
            t.addCell(none);
        }
        add(t);
        return this;
    }

    /**
     * The seat map as squares coloured by {@code colourOf} (a value of {@code legend}), scaled to the
     * page width; {@code cells[row-1][column-1]} is the key of a seat, or null for an aisle.
     */
    public PdfReport seatMap(String[][] cells, Map<String, Color> legend) {
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        if (rows == 0 || columns == 0) {
            return this;
        }
        float unit = 10;
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate tpl = cb.createTemplate(columns * unit, rows * unit);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                String key = cells[r][c];
                if (key == null) {
                    continue;
                }
                Color colour = legend.getOrDefault(key, Color.GRAY);
                tpl.setColorFill(colour);
                // PDF y grows upwards: row 1 is drawn at the top
                tpl.rectangle(c * unit + 1, (rows - 1 - r) * unit + 1, unit - 2, unit - 2);
                tpl.fill();
            }
        }
        try {
            Image map = Image.getInstance(tpl);
            float width = document.getPageSize().getWidth() - 72;
            float height = document.getPageSize().getHeight() / 2;
            map.scaleToFit(width, height);
            map.setAlignment(Element.ALIGN_CENTER);
            map.setSpacingBefore(8);
            add(map);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot draw the seat map", e);
        }
        PdfPTable key = new PdfPTable(legend.size() * 2);
        key.setSpacingBefore(6);
        key.setWidthPercentage(Math.min(100, legend.size() * 22));
        legend.forEach((name, colour) -> {
            PdfPCell swatch = new PdfPCell(new Phrase(" ", TEXT));
            swatch.setBackgroundColor(colour);
            key.addCell(swatch);
            PdfPCell label = new PdfPCell(new Phrase(name, TEXT));
            label.setBorder(0);
            key.addCell(label);
        });
        add(key);
        return this;
    }

    /** The finished document. */
    public byte[] toBytes() {
        document.close();
        return out.toByteArray();
    }

    /** Minor units as a plain amount with its currency: 12000 JPY, 12.50 EUR. */
    public static String money(long minor, String currency) {
        if (currency == null) {
            return Long.toString(minor);
        }
        int digits;
        try {
            digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            digits = 0;
        }
        if (digits <= 0) {
            return minor + " " + currency;
        }
        java.math.BigDecimal amount = java.math.BigDecimal.valueOf(minor, digits);
        return amount.toPlainString() + " " + currency;
    }

    private void add(Element e) {
        try {
            document.add(e);
        } catch (DocumentException ex) {
            throw new IllegalStateException("cannot write the PDF report", ex);
        }
    }
}
