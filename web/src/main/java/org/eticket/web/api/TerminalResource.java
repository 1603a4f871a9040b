package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.terminal.Terminal;
import org.eticket.terminal.TerminalRegistry;

/**
 * Reader terminals and whether they are online, read-only (enrollment comes with issue #6).
 * The registry lists all terminals, so the search and paging happen here.
 */
@Path("terminals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Terminals")
public class TerminalResource {

    @EJB
    TerminalRegistry terminals;

    @GET
    public PageDto<TerminalDto> searchTerminals(@QueryParam("q") String q,
                                                @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                                @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        int p = Requests.page(page);
        int s = Requests.size(size);
        Page.check(p, s);
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<TerminalDto> matching = terminals.list().stream().filter(t -> matches(t, text)).map(TerminalDto::of).toList();
        int from = (int) Math.min((long) p * s, matching.size());
        int to = Math.min(from + s, matching.size());
        return new PageDto<>(matching.subList(from, to), matching.size(), p, s);
    }

    @GET
    @Path("{terminalId}")
    public TerminalDto getTerminal(@PathParam("terminalId") String terminalId) {
        return terminals.find(terminalId).map(TerminalDto::of)
                .orElseThrow(() -> new NotFoundException("terminal " + terminalId + " is not known"));
    }

    private static boolean matches(Terminal t, String text) {
        return text.isEmpty() || contains(t.getTerminalId(), text) || contains(t.getPlace(), text)
                || contains(t.getKind(), text);
    }

    private static boolean contains(String field, String text) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text);
    }
}
