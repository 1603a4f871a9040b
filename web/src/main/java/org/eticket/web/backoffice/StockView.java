package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eticket.allocation.Allocation;
import org.eticket.allocation.AllocationService;
import org.eticket.allocation.SellerStockItem;
import org.eticket.allocation.StockLine;
import org.eticket.allocation.StockService;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * A seller's stock (Figs 34, 35, C7): the allocations it received (a seller sees only its own),
 * the seats, export as CSV or JSON in its format, import of such a file into its event master,
 * and the registration report the organizer can check too.
 */
@Named
@ViewScoped
public class StockView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AllocationService allocations;
    @EJB
    transient StockService stock;

    private Long performanceId;
    private String importFormat = "AUTO";
    private transient UploadedFile file;

    public List<SelectItem> getPerformanceItems() {
        return SellerPerformances.items(allocations);
    }

    public List<Allocation> getAllocationList() {
        return Screens.attempt(() -> allocations.search(null, performanceId, null, 0, 500).items(), null);
    }

    public List<StockLine> getStockLines() {
        return performanceId == null ? List.of() : Screens.attempt(() -> stock.stock(performanceId, null), null);
    }

    public List<SellerStockItem> getEventMaster() {
        return performanceId == null ? List.of() : Screens.attempt(() -> stock.eventMaster(performanceId), null);
    }

    public StockService.RegistrationReport getReport() {
        return performanceId == null ? null : Screens.attempt(() -> stock.registrationReport(performanceId, null), null);
    }

    public StreamedContent getCsv() {
        return export(StockService.Format.CSV, "text/csv", "csv");
    }

    public StreamedContent getJson() {
        return export(StockService.Format.JSON, "application/json", "json");
    }

    private StreamedContent export(StockService.Format format, String type, String extension) {
        String text = Screens.attempt(() -> stock.export(performanceId, null, format), null);
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("stock-" + performanceId + "." + extension).contentType(type + "; charset=UTF-8")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** Imports an exported stock file into this seller's event master; a bad file changes nothing. */
    public void importFile() {
        if (file == null || file.getSize() == 0) {
            Screens.error("Choose a CSV or JSON stock file first.");
            return;
        }
        if (file.getSize() > StockService.MAX_FILE) {
            Screens.error("The file is " + file.getSize() + " bytes; at most " + StockService.MAX_FILE + " are accepted.");
            return;
        }
        String content;
        try (InputStream in = file.getInputStream()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            Screens.error("The file could not be read: " + e.getMessage());
            return;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toLowerCase(Locale.ROOT);
        StockService.Format format = !"AUTO".equals(importFormat) ? StockService.Format.valueOf(importFormat)
                : name.endsWith(".json") || content.stripLeading().startsWith("{") ? StockService.Format.JSON : StockService.Format.CSV;
        StockService.ImportResult r = Screens.attempt(() -> stock.importStock(format, content), null);
        if (r != null) {
            Screens.info("Imported " + r.seats() + " seat(s) into your event master: " + r.added() + " added, " + r.updated()
                    + " updated, " + r.unchanged() + " unchanged.");
        }
    }

    public Long getPerformanceId() { return performanceId; }
    public void setPerformanceId(Long performanceId) { this.performanceId = performanceId; }
    public String getImportFormat() { return importFormat; }
    public void setImportFormat(String importFormat) { this.importFormat = importFormat; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
}
