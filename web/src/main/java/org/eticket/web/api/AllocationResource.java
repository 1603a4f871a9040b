package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.allocation.AllocationService;
import org.eticket.allocation.AllocationService.AllocatedSeat;
import org.eticket.allocation.AllocationService.AllocationChange;
import org.eticket.allocation.AllocationService.AllocationData;
import org.eticket.allocation.AllocationService.SellerQuota;
import org.eticket.platform.ValidationException;

/**
 * Allocation of seats to sellers (C6, Figs 29-31): register by ranges or a list of seats, or
 * N consecutive seats of a type; search, change, delete and print. The organizer of the event
 * changes and deletes; a seller finds and prints only its own.
 */
@Path("allocations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations")
public class AllocationResource {

    @EJB
    AllocationService allocations;

    @GET
    public PageDto<AllocationDto> searchAllocations(
            @QueryParam("eventId") String eventId,
            @QueryParam("performanceId") String performanceId,
            @QueryParam("sellerId") String sellerId,
            @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
            @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(allocations.search(Requests.optionalId("eventId", eventId),
                Requests.optionalId("performanceId", performanceId), Requests.optionalId("sellerId", sellerId),
                Requests.page(page), Requests.size(size)), AllocationDto::of);
    }

    @POST
    public Response registerAllocation(AllocationData body, @Context UriInfo uri) {
        AllocationDto created = AllocationDto.of(allocations.register(Requests.body(body)));
        return Requests.created(uri, created, "allocations/{id}", created.id());
    }

    @POST
    @Path("consecutive")
    public Response allocateConsecutive(ConsecutiveRequest body, @Context UriInfo uri) {
        ConsecutiveRequest r = Requests.body(body);
        if (r.count() == null) {
            throw new ValidationException("count is required: the number of consecutive seats");
        }
        AllocationDto created = AllocationDto.of(allocations.allocateConsecutive(r.performanceId(), r.sellerId(),
                r.seatType(), r.count(), r.note()));
        return Requests.created(uri, created, "allocations/{id}", created.id());
    }

    /** Per authorized seller of the performance: quota, allocated, remaining (a seller sees its own line). */
    @GET
    @Path("quotas")
    public List<SellerQuota> quotas(@QueryParam("performanceId") String performanceId) {
        Long id = Requests.optionalId("performanceId", performanceId);
        if (id == null) {
            throw new ValidationException("performanceId is required");
        }
        return allocations.quotas(id);
    }

    @GET
    @Path("{id}")
    public AllocationDto getAllocation(@PathParam("id") Long id) {
        return AllocationDto.of(allocations.get(id));
    }

    @GET
    @Path("{id}/seats")
    public List<AllocatedSeat> allocationSeats(@PathParam("id") Long id) {
        return allocations.seats(id);
    }

    @PUT
    @Path("{id}")
    public AllocationDto changeAllocation(@PathParam("id") Long id, AllocationChange body) {
        return AllocationDto.of(allocations.change(id, Requests.body(body)));
    }

    @DELETE
    @Path("{id}")
    public void deleteAllocation(@PathParam("id") Long id) {
        allocations.delete(id);
    }

    @GET
    @Path("{id}/report")
    @Produces(Downloads.PDF)
    public Response allocationReport(@PathParam("id") Long id) {
        return Downloads.file(allocations.reportPdf(id), Downloads.PDF, "allocation-" + id + ".pdf");
    }
}
