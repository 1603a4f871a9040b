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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.catalog.VenueService;
import org.eticket.catalog.VenueService.LayoutData;

/**
 * One seat layout (C2, Fig 26) and the seat attributes marked on its ranges (C4). A root
 * resource of its own: JAX-RS matches a request to one root class by path prefix.
 */
@Path("layouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seat layouts")
public class LayoutResource {

    @EJB
    VenueService venues;

    @GET
    @Path("{id}")
    public LayoutDto getLayout(@PathParam("id") Long id) {
        return LayoutDto.of(venues.getLayout(id));
    }

    /** Absent rows, columns or seatRanges stay as they are; seats are frozen once an event uses the layout (409). */
    @PUT
    @Path("{id}")
    public LayoutDto updateLayout(@PathParam("id") Long id, LayoutData data) {
        return LayoutDto.of(venues.updateLayout(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deleteLayout(@PathParam("id") Long id) {
        venues.deleteLayout(id);
    }

    @GET
    @Path("{id}/marks")
    public List<LayoutMarkDto> listMarks(@PathParam("id") Long id) {
        return venues.marks(id).stream().map(LayoutMarkDto::of).toList();
    }

    /** Marks the attribute on the ranges (blank ranges remove it); answers the layout's marks as they now are. */
    @PUT
    @Path("{id}/attributes/{name}")
    public List<LayoutMarkDto> setAttribute(@PathParam("id") Long id, @PathParam("name") String name, RangesRequest body) {
        venues.setAttribute(id, name, Requests.body(body).ranges());
        return listMarks(id);
    }

    @DELETE
    @Path("{id}/attributes/{name}")
    public void removeAttribute(@PathParam("id") Long id, @PathParam("name") String name) {
        venues.setAttribute(id, name, null);
    }
}
