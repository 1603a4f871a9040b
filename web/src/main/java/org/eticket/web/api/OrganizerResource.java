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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.catalog.OrganizerService;
import org.eticket.catalog.OrganizerService.OrganizerData;

/** The organizer master (C1, Fig 24): the platform registers organizers; an organizer sees only itself. */
@Path("organizers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizers")
public class OrganizerResource {

    @EJB
    OrganizerService organizers;

    @GET
    public PageDto<OrganizerDto> searchOrganizers(@QueryParam("q") String q,
                                                  @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                                  @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(organizers.search(q, Requests.page(page), Requests.size(size)), OrganizerDto::of);
    }

    @POST
    public Response createOrganizer(OrganizerData data, @Context UriInfo uri) {
        OrganizerDto created = OrganizerDto.of(organizers.create(Requests.body(data)));
        return Requests.created(uri, created, "organizers/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public OrganizerDto getOrganizer(@PathParam("id") Long id) {
        return OrganizerDto.of(organizers.get(id));
    }

    @PUT
    @Path("{id}")
    public OrganizerDto updateOrganizer(@PathParam("id") Long id, OrganizerData data) {
        return OrganizerDto.of(organizers.update(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deleteOrganizer(@PathParam("id") Long id) {
        organizers.delete(id);
    }
}
