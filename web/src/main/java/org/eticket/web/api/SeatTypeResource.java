package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.catalog.SeatMasterService;
import org.eticket.catalog.SeatMasterService.SeatTypeData;

/**
 * The seat master of an event (C4, Fig 28): seat types by code, each set on ranges of the
 * layout's seats; two types never share a seat (409 names the overlap).
 */
@Path("events/{eventId}/seat-types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seat types")
public class SeatTypeResource {

    @EJB
    SeatMasterService seatMaster;

    @GET
    public List<SeatTypeDto> listSeatTypes(@PathParam("eventId") Long eventId) {
        return seatMaster.seatTypes(eventId).stream().map(SeatTypeDto::of).toList();
    }

    @POST
    public Response createSeatType(@PathParam("eventId") Long eventId, SeatTypeData data, @Context UriInfo uri) {
        SeatTypeDto created = SeatTypeDto.of(seatMaster.create(eventId, Requests.body(data)));
        return Requests.created(uri, created, "events/{eventId}/seat-types/{code}", eventId, created.code());
    }

    @GET
    @Path("{code}")
    public SeatTypeDto getSeatType(@PathParam("eventId") Long eventId, @PathParam("code") String code) {
        return SeatTypeDto.of(seatMaster.get(eventId, code));
    }

    /** Name, price, currency and colour; the code stays (a different code in the body is 400). */
    @PUT
    @Path("{code}")
    public SeatTypeDto updateSeatType(@PathParam("eventId") Long eventId, @PathParam("code") String code,
                                      SeatTypeData data) {
        return SeatTypeDto.of(seatMaster.update(eventId, code, Requests.body(data)));
    }

    @DELETE
    @Path("{code}")
    public void deleteSeatType(@PathParam("eventId") Long eventId, @PathParam("code") String code) {
        seatMaster.delete(eventId, code);
    }

    /** Replaces the type's seats with the ranges; blank ranges clear them. */
    @PUT
    @Path("{code}/ranges")
    public SeatTypeDto assignSeatTypeRanges(@PathParam("eventId") Long eventId, @PathParam("code") String code,
                                            RangesRequest body) {
        return SeatTypeDto.of(seatMaster.assign(eventId, code, Requests.body(body).ranges()));
    }
}
