package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.allocation.StockLine;
import org.eticket.allocation.StockService;
import org.eticket.allocation.StockService.Format;
import org.eticket.allocation.StockService.ImportResult;
import org.eticket.allocation.StockService.RegistrationReport;
import org.eticket.platform.ValidationException;

/**
 * A seller's stock (C7, Figs 34, 35): the seats the center holds for it, exported as CSV or
 * JSON in the seller's format, imported back into the seller's event master, and the
 * registration report the organizer checks.
 */
@Path("stock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seller stock")
public class StockResource {

    static final String CSV = "text/csv";

    @EJB
    StockService stock;

    /** The stock as JSON lines; a seller its own, an organizer a named seller's of its event. */
    @GET
    public List<StockLine> stockLines(@QueryParam("performanceId") String performanceId,
                                      @QueryParam("sellerId") String sellerId) {
        return stock.stock(Requests.optionalId("performanceId", performanceId), Requests.optionalId("sellerId", sellerId));
    }

    /** The stock as a file to download: format csv (default) or json. */
    @GET
    @Path("export")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    public Response exportStock(@QueryParam("performanceId") String performanceId,
                                @QueryParam("sellerId") String sellerId,
                                @QueryParam("format") @DefaultValue("csv") String format) {
        Format f = Format.of(format);
        String body = stock.export(Requests.optionalId("performanceId", performanceId),
                Requests.optionalId("sellerId", sellerId), f);
        String type = f == Format.CSV ? CSV + "; charset=UTF-8" : MediaType.APPLICATION_JSON;
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), type)
                .header("Content-Disposition", "attachment; filename=\"stock." + f.name().toLowerCase() + "\"").build();
    }

    /**
     * Imports a stock file, sent as the raw body, into the signed-in seller's event master. The
     * format is taken from the {@code format} parameter, else from the Content-Type.
     */
    @POST
    @Path("import")
    @Consumes({CSV, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public ImportResult importStock(@QueryParam("format") String format,
                                    @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
                                    InputStream body) throws IOException {
        Format f;
        if (format != null && !format.isBlank()) {
            f = Format.of(format);
        } else if (contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON)) {
            f = Format.JSON;
        } else if (contentType != null && contentType.toLowerCase().startsWith(CSV)) {
            f = Format.CSV;
        } else {
            throw new ValidationException("say the file's format: format=csv or format=json, or Content-Type text/csv or application/json");
        }
        return stock.importStock(f, read(body));
    }

    /** The signed-in seller's event master. */
    @GET
    @Path("event-master")
    public List<EventMasterItemDto> eventMaster(@QueryParam("performanceId") String performanceId) {
        return stock.eventMaster(Requests.optionalId("performanceId", performanceId)).stream()
                .map(EventMasterItemDto::of).toList();
    }

    @GET
    @Path("registration-report")
    public RegistrationReport registrationReport(@QueryParam("performanceId") String performanceId,
                                                 @QueryParam("sellerId") String sellerId) {
        return stock.registrationReport(required("performanceId", performanceId), Requests.optionalId("sellerId", sellerId));
    }

    @GET
    @Path("registration-report/pdf")
    @Produces(Downloads.PDF)
    public Response registrationReportPdf(@QueryParam("performanceId") String performanceId,
                                          @QueryParam("sellerId") String sellerId) {
        return Downloads.file(stock.registrationReportPdf(required("performanceId", performanceId),
                Requests.optionalId("sellerId", sellerId)), Downloads.PDF, "registration-report.pdf");
    }

    static Long required(String name, String text) {
        Long id = Requests.optionalId(name, text);
        if (id == null) {
            throw new ValidationException(name + " is required");
        }
        return id;
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        byte[] bytes = in.readNBytes(StockService.MAX_FILE + 1);
        if (bytes.length > StockService.MAX_FILE) {
            throw new WebApplicationException("the stock file is larger than " + StockService.MAX_FILE / 1_000_000 + " MB", 413);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
