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
import org.eticket.allocation.SellerService.SellerData;

/**
 * The seller master (C5, Fig 23): the platform registers sellers, organizers pick from them,
 * a seller sees and corrects only itself. Authorizations are under {@code /authorizations}.
 */
@Path("sellers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sellers")
public class SellerResource {

    @EJB
    SellerService sellers;

    @GET
    public PageDto<SellerDto> searchSellers(@QueryParam("q") String q,
                                            @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                            @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(sellers.search(q, Requests.page(page), Requests.size(size)), SellerDto::of);
    }

    @POST
    public Response createSeller(SellerData data, @Context UriInfo uri) {
        SellerDto created = SellerDto.of(sellers.create(Requests.body(data)));
        return Requests.created(uri, created, "sellers/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public SellerDto getSeller(@PathParam("id") Long id) {
        return SellerDto.of(sellers.get(id));
    }

    @PUT
    @Path("{id}")
    public SellerDto updateSeller(@PathParam("id") Long id, SellerData data) {
        return SellerDto.of(sellers.update(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deleteSeller(@PathParam("id") Long id) {
        sellers.delete(id);
    }
}
