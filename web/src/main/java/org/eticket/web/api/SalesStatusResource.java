package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.platform.ValidationException;
import org.eticket.status.SalesStatusService;
import org.eticket.status.SalesStatusService.PeriodSales;
import org.eticket.status.SalesStatusService.Report;
import org.eticket.status.SalesStatusService.SeatTypeSales;
import org.eticket.status.SalesStatusService.SellerSales;
import org.eticket.status.SalesStatusService.VacancyMap;

/**
 * Sales status (C9, Figs 32, 33) of an event ({@code eventId}) or one performance
 * ({@code performanceId}): vacant-seat map, by seller, by seat type, daily and monthly; each
 * also as a PDF at {@code report/{name}} (vacancy, sellers, seat-types, daily, monthly).
 */
@Path("sales-status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales status")
public class SalesStatusResource {

    @EJB
    SalesStatusService status;

    @GET
    @Path("seats")
    public VacancyMap vacancyMap(@QueryParam("performanceId") String performanceId) {
        return status.vacancyMap(StockResource.required("performanceId", performanceId));
    }

    @GET
    @Path("sellers")
    public List<SellerSales> bySeller(@QueryParam("eventId") String eventId, @QueryParam("performanceId") String performanceId) {
        return status.bySeller(Requests.optionalId("eventId", eventId), Requests.optionalId("performanceId", performanceId));
    }

    @GET
    @Path("seat-types")
    public List<SeatTypeSales> bySeatType(@QueryParam("eventId") String eventId, @QueryParam("performanceId") String performanceId) {
        return status.bySeatType(Requests.optionalId("eventId", eventId), Requests.optionalId("performanceId", performanceId));
    }

    @GET
    @Path("daily")
    public List<PeriodSales> daily(@QueryParam("eventId") String eventId, @QueryParam("performanceId") String performanceId) {
        return status.daily(Requests.optionalId("eventId", eventId), Requests.optionalId("performanceId", performanceId));
    }

    @GET
    @Path("monthly")
    public List<PeriodSales> monthly(@QueryParam("eventId") String eventId, @QueryParam("performanceId") String performanceId) {
        return status.monthly(Requests.optionalId("eventId", eventId), Requests.optionalId("performanceId", performanceId));
    }

    @GET
    @Path("report/{name}")
    @Produces(Downloads.PDF)
    public Response report(@PathParam("name") String name, @QueryParam("eventId") String eventId,
                           @QueryParam("performanceId") String performanceId) {
        Report report;
        try {
            report = Report.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("report \"" + name + "\" is not vacancy, sellers, seat-types, daily or monthly");
        }
        byte[] pdf = status.reportPdf(report, Requests.optionalId("eventId", eventId),
                Requests.optionalId("performanceId", performanceId));
        return Downloads.file(pdf, Downloads.PDF, "sales-" + name.toLowerCase(Locale.ROOT) + ".pdf");
    }
}
