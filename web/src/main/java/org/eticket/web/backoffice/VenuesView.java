package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eticket.catalog.LayoutMark;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.Venue;
import org.eticket.catalog.VenueService;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.catalog.grid.LayoutCsv;
import org.primefaces.model.file.UploadedFile;

/**
 * The organizer's venue master (Fig 25) and seat layouts (Fig 26): several layouts per venue, each
 * drawn on the seat map (select cells, make them seats or aisles), or imported from the CSV export
 * of a drawing with every bad line reported by number.
 */
@Named
@ViewScoped
public class VenuesView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A CSV upload larger than this is refused before it is read (about 1,000,000 short lines). */
    private static final long MAX_CSV_BYTES = 32L * 1024 * 1024;

    @EJB
    transient VenueService venues;

    private Long venueId;
    private Long layoutId;
    private String venueCode;
    private String venueName;
    private String venueAddress;
    private String layoutName;
    private Integer rows;
    private Integer columns;
    private String csv;
    private transient UploadedFile csvFile;
    private String selection;
    private String attribute = "wheelchair";
    private List<String> csvProblems = List.of();

    public List<Venue> getVenueList() {
        return Screens.attempt(() -> venues.search(null, 0, 200).items(), null);
    }

    public List<SeatLayout> getLayoutList() {
        return venueId == null ? List.of() : Screens.attempt(() -> venues.layouts(venueId), null);
    }

    public SeatLayout getLayout() {
        return layoutId == null ? null : Screens.attempt(() -> venues.getLayout(layoutId), null);
    }

    public void registerVenue() {
        Venue v = Screens.attempt(() -> venues.create(new VenueService.VenueData(venueCode, venueName, venueAddress)),
                "Venue " + venueCode + " registered.");
        if (v != null) {
            venueId = v.getId();
            layoutId = null;
            venueCode = venueName = venueAddress = null;
        }
    }

    public void chooseVenue() {
        layoutId = null;
        selection = null;
    }

    public void open(SeatLayout layout) {
        layoutId = layout.getId();
        selection = null;
    }

    /** A new layout: a rows x columns grid, every cell a seat until aisles are drawn. */
    public void createLayout() {
        if (venueId == null) {
            Screens.error("Choose a venue first.");
            return;
        }
        SeatLayout l = Screens.attempt(() -> venues.createLayout(venueId, new VenueService.LayoutData(layoutName, rows, columns, null)),
                "Layout " + layoutName + " created: " + rows + " rows x " + columns + " columns.");
        if (l != null) {
            layoutId = l.getId();
            selection = null;
        }
    }

    public void markSeats() {
        redraw(true);
    }

    public void markAisles() {
        redraw(false);
    }

    private void redraw(boolean seats) {
        SeatLayout layout = getLayout();
        if (layout == null || !hasSelection()) {
            return;
        }
        String next = Screens.attempt(() -> SeatMapData.of(layout.getRows(), layout.getColumns(), layout.getSeatRanges())
                .seatsWith(CellRanges.parse(selection), seats), null);
        if (next == null) {
            return;
        }
        if (next.isEmpty()) {
            Screens.error("A layout needs at least one seat.");
            return;
        }
        if (Screens.run(() -> venues.updateLayout(layoutId, new VenueService.LayoutData(layout.getName(), null, null, next)),
                (seats ? "Seats drawn at " : "Aisles drawn at ") + selection + ".")) {
            selection = null;
        }
    }

    /** Adds the selected seats to an attribute (wheelchair space, ...); the service keeps one range list per attribute. */
    public void markAttribute() {
        if (layoutId == null || !hasSelection()) {
            return;
        }
        String existing = Screens.attempt(() -> venues.marks(layoutId).stream()
                .filter(m -> m.getKind() == LayoutMark.Kind.ATTRIBUTE && m.getName().equalsIgnoreCase(attribute.strip()))
                .map(LayoutMark::getRanges).findFirst().orElse(""), null);
        String ranges = existing == null || existing.isBlank() ? selection : existing + ", " + selection;
        if (Screens.run(() -> venues.setAttribute(layoutId, attribute, ranges), "Attribute " + attribute + " set on " + selection + ".")) {
            selection = null;
        }
    }

    /** Imports a layout from the pasted or uploaded CSV; every bad line is listed with its number. */
    public void importCsv() {
        csvProblems = List.of();
        if (venueId == null) {
            Screens.error("Choose a venue first.");
            return;
        }
        String text = csv;
        if (csvFile != null && csvFile.getSize() > 0) {
            if (csvFile.getSize() > MAX_CSV_BYTES) {
                Screens.error("The CSV file is " + csvFile.getSize() + " bytes; at most " + MAX_CSV_BYTES + " are accepted.");
                return;
            }
            try (InputStream in = csvFile.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                Screens.error("The CSV file could not be read: " + e.getMessage());
                return;
            }
        }
        if (text == null || text.isBlank()) {
            Screens.error("Paste the CSV or choose a file first.");
            return;
        }
        LayoutCsv.Result checked = rows == null || columns == null ? LayoutCsv.parse(text) : LayoutCsv.parse(text, rows, columns);
        if (!checked.isValid()) {
            List<String> lines = new ArrayList<>();
            checked.problems().forEach(p -> lines.add(p.message()));
            if (checked.problemCount() > lines.size()) {
                lines.add("... and " + (checked.problemCount() - lines.size()) + " more");
            }
            csvProblems = lines;
            Screens.error("Nothing was imported: the CSV has " + checked.problemCount() + " bad line(s), listed below.");
            return;
        }
        String body = text;
        SeatLayout l = Screens.attempt(() -> venues.importLayout(venueId, layoutName, rows, columns, body), null);
        if (l != null) {
            Screens.info("Layout " + l.getName() + " imported: " + l.getSeatCount() + " seats.");
            layoutId = l.getId();
            csv = null;
        }
    }

    public void deleteLayout(SeatLayout layout) {
        if (Screens.run(() -> venues.deleteLayout(layout.getId()), "Layout " + layout.getName() + " deleted.")
                && layout.getId().equals(layoutId)) {
            layoutId = null;
        }
    }

    /** The map: seats and aisles, the seat types of an imported drawing, and attributes. */
    public String getMapJson() {
        SeatLayout layout = getLayout();
        if (layout == null) {
            return "null";
        }
        SeatMapData data = SeatMapData.of(layout.getRows(), layout.getColumns(), layout.getSeatRanges());
        List<LayoutMark> marks = Screens.attempt(() -> venues.marks(layoutId), null);
        if (marks == null) {
            return data.toJson();
        }
        List<LayoutMark> types = marks.stream().filter(m -> m.getKind() == LayoutMark.Kind.SEAT_TYPE).toList();
        List<LayoutMark> attributes = marks.stream().filter(m -> m.getKind() == LayoutMark.Kind.ATTRIBUTE).toList();
        layer(data, "type", types);
        layer(data, "attribute", attributes);
        return data.toJson();
    }

    private static void layer(SeatMapData data, String name, List<LayoutMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        List<SeatMapData.Entry> entries = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            LayoutMark m = marks.get(i);
            String code = "attribute".equals(name) ? m.getName().substring(0, 1).toUpperCase() : m.getName();
            entries.add(new SeatMapData.Entry(code, m.getName(), SeatMapData.PALETTE.get(i % SeatMapData.PALETTE.size())));
        }
        data.layer(name, entries);
        for (int i = 0; i < marks.size(); i++) {
            data.mark(name, i, CellRanges.parse(marks.get(i).getRanges()));
        }
    }

    private boolean hasSelection() {
        if (selection == null || selection.isBlank()) {
            Screens.error("Select cells on the map first (click, drag, keyboard or a typed range).");
            return false;
        }
        return true;
    }

    public Long getVenueId() { return venueId; }
    public void setVenueId(Long venueId) { this.venueId = venueId; }
    public Long getLayoutId() { return layoutId; }
    public String getVenueCode() { return venueCode; }
    public void setVenueCode(String venueCode) { this.venueCode = venueCode; }
    public String getVenueName() { return venueName; }
    public void setVenueName(String venueName) { this.venueName = venueName; }
    public String getVenueAddress() { return venueAddress; }
    public void setVenueAddress(String venueAddress) { this.venueAddress = venueAddress; }
    public String getLayoutName() { return layoutName; }
    public void setLayoutName(String layoutName) { this.layoutName = layoutName; }
    public Integer getRows() { return rows; }
    public void setRows(Integer rows) { this.rows = rows; }
    public Integer getColumns() { return columns; }
    public void setColumns(Integer columns) { this.columns = columns; }
    public String getCsv() { return csv; }
    public void setCsv(String csv) { this.csv = csv; }
    public UploadedFile getCsvFile() { return csvFile; }
    public void setCsvFile(UploadedFile csvFile) { this.csvFile = csvFile; }
    public String getSelection() { return selection; }
    public void setSelection(String selection) { this.selection = selection; }
    public String getAttribute() { return attribute; }
    public void setAttribute(String attribute) { this.attribute = attribute; }
    public List<String> getCsvProblems() { return csvProblems; }
}
