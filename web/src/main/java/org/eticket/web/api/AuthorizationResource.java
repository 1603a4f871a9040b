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
import org.eticket.allocation.SellerService;

/**
 * Sellers' authorizations per performance with a quota (C5; 002 claim 30). The organizer
 * grants, changes and revokes them; a seller lists only its own.
 */
@Path("authorizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seller authorizations")
public class AuthorizationResource {

    @EJB
    SellerService sellers;

    @GET
    public PageDto<AuthorizationDto> listAuthorizations(
            @QueryParam("performanceId") String performanceId,
            @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
            @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(sellers.authorizations(Requests.optionalId("performanceId", performanceId),
                Requests.page(page), Requests.size(size)), AuthorizationDto::of);
    }

    @POST
    public Response createAuthorization(AuthorizationRequest body, @Context UriInfo uri) {
        AuthorizationRequest request = Requests.body(body);
        AuthorizationDto created = AuthorizationDto.of(
                sellers.authorize(request.performanceId(), request.sellerId(), request.quota()));
        return Requests.created(uri, created, "authorizations/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public AuthorizationDto getAuthorization(@PathParam("id") Long id) {
        return AuthorizationDto.of(sellers.getAuthorization(id));
    }

    @PUT
    @Path("{id}")
    public AuthorizationDto changeQuota(@PathParam("id") Long id, QuotaRequest body) {
        return AuthorizationDto.of(sellers.changeQuota(id, Requests.body(body).quota()));
    }

    @DELETE
    @Path("{id}")
    public void revokeAuthorization(@PathParam("id") Long id) {
        sellers.revoke(id);
    }
}
