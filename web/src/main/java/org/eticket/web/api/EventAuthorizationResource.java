package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.allocation.SellerService;

/**
 * Authorizes a seller for every performance of an event at once. Its own root class because
 * JAX-RS picks one root class per path prefix and {@code /events/{id}} is {@link EventResource}'s.
 */
@Path("events/{eventId}/authorizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seller authorizations by event")
public class EventAuthorizationResource {

    @EJB
    SellerService sellers;

    /** Skips performances the seller already holds: 201 with the new ones, or 200 with [] if none was new. */
    @POST
    public Response authorizeEvent(@PathParam("eventId") Long eventId, EventAuthorizationRequest body,
                                   @Context UriInfo uri) {
        EventAuthorizationRequest request = Requests.body(body);
        List<AuthorizationDto> created = sellers.authorizeEvent(eventId, request.sellerId(), request.quota()).stream()
                .map(AuthorizationDto::of).toList();
        if (created.isEmpty()) {
            return Response.ok(created).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("authorizations")
                .queryParam("performanceId", created.get(0).performanceId()).build()).entity(created).build();
    }
}
