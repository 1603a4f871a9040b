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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.catalog.EventService;
import org.eticket.catalog.EventService.EventData;
import org.eticket.catalog.EventService.PerformanceData;

/**
 * The event master (C3, Fig 27, S1201) and the performances of each event; a performance
 * itself is addressed under {@code /performances} ({@link PerformanceResource}).
 */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    @EJB
    EventService events;

    @GET
    public PageDto<EventDto> searchEvents(@QueryParam("q") String q,
                                          @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                          @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        return PageDto.of(events.search(q, Requests.page(page), Requests.size(size)), EventDto::of);
    }

    /** organizerId counts only when the platform admin creates the event; an organizer creates its own. */
    @POST
    public Response createEvent(EventData data, @Context UriInfo uri) {
        EventDto created = EventDto.of(events.create(Requests.body(data)));
        return Requests.created(uri, created, "events/{id}", created.id());
    }

    @GET
    @Path("{id}")
    public EventDto getEvent(@PathParam("id") Long id) {
        return EventDto.of(events.get(id));
    }

    @PUT
    @Path("{id}")
    public EventDto updateEvent(@PathParam("id") Long id, EventData data) {
        return EventDto.of(events.update(id, Requests.body(data)));
    }

    @DELETE
    @Path("{id}")
    public void deleteEvent(@PathParam("id") Long id) {
        events.delete(id);
    }

    @GET
    @Path("{id}/performances")
    public List<PerformanceDto> listPerformances(@PathParam("id") Long id) {
        return events.performances(id).stream().map(PerformanceDto::of).toList();
    }

    @POST
    @Path("{id}/performances")
    public Response addPerformance(@PathParam("id") Long id, PerformanceData data, @Context UriInfo uri) {
        PerformanceDto created = PerformanceDto.of(events.addPerformance(id, Requests.body(data)));
        return Requests.created(uri, created, "performances/{id}", created.id());
    }

    /** All dates or none (one transaction); Location is the event's performance list. */
    @POST
    @Path("{id}/performances/series")
    public Response addSeries(@PathParam("id") Long id, SeriesRequest body, @Context UriInfo uri) {
        SeriesRequest series = Requests.body(body);
        List<PerformanceDto> created = events.addSeries(id, series.templateId(), series.dates()).stream()
                .map(PerformanceDto::of).toList();
        return Requests.created(uri, created, "events/{id}/performances", id);
    }
}
