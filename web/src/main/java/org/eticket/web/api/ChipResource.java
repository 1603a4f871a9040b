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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.card.ChipPersonalizationData;
import org.eticket.card.ChipRegistry;
import org.eticket.card.ChipRegistry.Registration;

/**
 * The chip registry (C10): the platform personalizes blank chips, a seller issues one to a member
 * (or a store to a customer), holders and issuers report it lost, issuers block it.
 */
@Path("chips")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Chips")
public class ChipResource {

    @EJB
    ChipRegistry chips;

    @GET
    public PageDto<ChipDto> searchChips(@QueryParam("customerId") String customerId,
                                        @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                        @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(chips.search(Requests.optionalId("customerId", customerId), Requests.page(page), Requests.size(size)),
                ChipDto::of);
    }

    @POST
    public Response registerChip(Registration registration, @Context UriInfo uri) {
        ChipDto created = ChipDto.of(chips.register(Requests.body(registration)));
        return Requests.created(uri, created, "chips/{id}", created.id());
    }

    /** Platform admin only: a fresh UID and that chip's keys, for the personalization station (returned once). */
    @POST
    @Path("personalizations")
    public ChipPersonalizationData personalizeChip() {
        return chips.personalize();
    }

    @GET
    @Path("{id}")
    public ChipDto getChip(@PathParam("id") Long id) {
        return ChipDto.of(chips.get(id));
    }

    @POST
    @Path("{id}/lost")
    public ChipDto reportChipLost(@PathParam("id") Long id, ReasonRequest request) {
        return ChipDto.of(chips.reportLost(id, request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/block")
    public ChipDto blockChip(@PathParam("id") Long id, ReasonRequest request) {
        return ChipDto.of(chips.block(id, Requests.body(request).reason()));
    }
}
