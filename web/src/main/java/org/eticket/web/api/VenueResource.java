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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.catalog.VenueService;
import org.eticket.catalog.VenueService.LayoutData;
import org.eticket.catalog.VenueService.VenueData;

/**
 * The venue master (C2, Fig 25) and the layouts of each venue; a layout itself is addressed
 * under {@code /layouts} ({@link LayoutResource}).
 */
@Path("venues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Venues")
public class VenueResource {

    /** LayoutCsv reads at most a million seat lines, some 30 MB as exported; more is not a drawing. */
    static final int MAX_CSV_BYTES = 64 * 1024 * 1024;

    @EJB
    VenueService venues;

    @GET
    public PageDto<VenueDto> searchVenues(@QueryParam("q") String q,
                                          @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                          @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(venues.search(q, Requests.page(page), Requests.size(size)), VenueDto::of);
    }

    @POST
    public Response createVenue(VenueData data, @Context UriInfo uri) {
        VenueDto created = VenueDto.of(venues.create(Requests.body(data)));
        return Requests.created(uri, created, "venues/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public VenueDto getVenue(@PathParam("id") Long id) {
        return VenueDto.of(venues.get(id));
    }

    @PUT
    @Path("{id}")
    public VenueDto updateVenue(@PathParam("id") Long id, VenueData data) {
        return VenueDto.of(venues.update(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deleteVenue(@PathParam("id") Long id) {
        venues.delete(id);
    }

    /** The layouts the caller may see: the platform's, its own, and those its events use. */
    @GET
    @Path("{id}/layouts")
    public List<LayoutDto> listLayouts(@PathParam("id") Long id) {
        return venues.layouts(id).stream().map(LayoutDto::of).toList();
    }

    /** Without seatRanges every cell of the grid is a seat. */
    @POST
    @Path("{id}/layouts")
    public Response createLayout(@PathParam("id") Long id, LayoutData data, @Context UriInfo uri) {
        LayoutDto created = LayoutDto.of(venues.createLayout(id, Requests.body(data)));
        return Requests.created(uri, created, "layouts/{id}", created.id());
    }

    /**
     * Imports a layout from a CSV drawing export (C2, Fig 31), sent as the raw body; every bad
     * line is reported by number and nothing is stored then. Without rows and columns the grid
     * is the smallest that holds every seat.
     */
    @POST
    @Path("{id}/layouts/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Response importLayout(@PathParam("id") Long id, @QueryParam("name") String name,
                                 @QueryParam("rows") String rows, @QueryParam("columns") String columns,
                                 InputStream csv, @Context UriInfo uri) throws IOException {
        String text = readCapped(csv);
        LayoutDto created = LayoutDto.of(venues.importLayout(id, name, Requests.optionalWhole("rows", rows),
                Requests.optionalWhole("columns", columns), text));
        return Requests.created(uri, created, "layouts/{id}", created.id());
    }

    /** Reads at most MAX_CSV_BYTES, so an oversized upload is refused before it fills the heap. */
    private static String readCapped(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        byte[] bytes = in.readNBytes(MAX_CSV_BYTES + 1);
        if (bytes.length > MAX_CSV_BYTES) {
            throw new WebApplicationException("the CSV file is larger than " + MAX_CSV_BYTES / (1024 * 1024) + " MB", 413);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
