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
import org.eticket.sales.StoreService;
import org.eticket.sales.StoreService.StoreData;

/** The store master (Fig 23): kept by the platform; a store reads only itself. */
@Path("stores")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stores")
public class StoreResource {

    @EJB
    StoreService stores;

    @GET
    public PageDto<StoreDto> searchStores(@QueryParam("q") String q,
                                          @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                          @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(stores.search(q, Requests.page(page), Requests.size(size)), StoreDto::of);
    }

    @POST
    public Response createStore(StoreData data, @Context UriInfo uri) {
        StoreDto created = StoreDto.of(stores.create(Requests.body(data)));
        return Requests.created(uri, created, "stores/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public StoreDto getStore(@PathParam("id") Long id) {
        return StoreDto.of(stores.get(id));
    }

    @PUT
    @Path("{id}")
    public StoreDto updateStore(@PathParam("id") Long id, StoreData data) {
        return StoreDto.of(stores.update(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deleteStore(@PathParam("id") Long id) {
        stores.delete(id);
    }
}
