package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.allocation.ReturnRequest;
import org.eticket.allocation.ReturnService;
import org.eticket.allocation.ReturnService.ReturnData;
import org.eticket.platform.ValidationException;

/**
 * Returns (C8, Fig 16): a seller asks to return seats of its stock; the organizer accepts or
 * refuses the whole request. Accepted seats can then be allocated to another seller.
 */
@Path("returns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Returns")
public class ReturnResource {

    @EJB
    ReturnService returns;

    @GET
    public PageDto<ReturnDto> searchReturns(
            @QueryParam("performanceId") String performanceId,
            @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
            @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(returns.search(Requests.optionalId("performanceId", performanceId), state(state),
                Requests.page(page), Requests.size(size)), ReturnDto::of);
    }

    @POST
    public Response requestReturn(ReturnData body, @Context UriInfo uri) {
        ReturnDto created = ReturnDto.of(returns.request(Requests.body(body)));
        return Requests.created(uri, created, "returns/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public ReturnDto getReturn(@PathParam("id") Long id) {
        return ReturnDto.of(returns.get(id));
    }

    @POST
    @Path("{id}/accept")
    public ReturnDto acceptReturn(@PathParam("id") Long id, DecisionRequest body) {
        return ReturnDto.of(returns.accept(id, body == null ? null : body.note()));
    }

    @POST
    @Path("{id}/refuse")
    public ReturnDto refuseReturn(@PathParam("id") Long id, DecisionRequest body) {
        return ReturnDto.of(returns.refuse(id, body == null ? null : body.note()));
    }

    private static ReturnRequest.State state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ReturnRequest.State.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("state \"" + text + "\" is not REQUESTED, ACCEPTED or REFUSED");
        }
    }
}
