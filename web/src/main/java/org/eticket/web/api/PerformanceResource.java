package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.catalog.EventService;
import org.eticket.catalog.EventService.PerformanceData;

/** One performance of an event (C3); created under {@code /events/{id}/performances}. */
@Path("performances")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Performances")
public class PerformanceResource {

    @EJB
    EventService events;

    @GET
    @Path("{id}")
    public PerformanceDto getPerformance(@PathParam("id") Long id) {
        return PerformanceDto.of(events.getPerformance(id));
    }

    /** Reschedules: date and start time required; opening time defaults to the start. */
    @PUT
    @Path("{id}")
    public PerformanceDto updatePerformance(@PathParam("id") Long id, PerformanceData data) {
        return PerformanceDto.of(events.updatePerformance(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deletePerformance(@PathParam("id") Long id) {
        events.deletePerformance(id);
    }
}
