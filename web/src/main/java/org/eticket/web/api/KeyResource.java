package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.keys.KeyInfo;
import org.eticket.keys.KeyService;

/** The key server's public side: which keys exist (IDs, generations, never key material) and rotation. */
@Path("keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keys")
public class KeyResource {

    @EJB
    KeyService keys;

    /** Master keys (platform admin), or one event's keys with {@code eventId}. */
    @GET
    public List<KeyInfo> listKeys(@QueryParam("eventId") String eventId) {
        return keys.list(Requests.optionalId("eventId", eventId));
    }

    @POST
    @Path("master/rotation")
    public KeyInfo rotateMasterKey() {
        return keys.rotateMasterKey();
    }

    @POST
    @Path("events/{eventId}/rotation")
    public KeyInfo rotateEventKeys(@PathParam("eventId") Long eventId) {
        return keys.rotateEventKeys(eventId);
    }
}
