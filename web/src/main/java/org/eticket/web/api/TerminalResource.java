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
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.connector.api.TerminalCommand;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.ValidationException;
import org.eticket.terminal.Terminal;
import org.eticket.terminal.TerminalEnrollmentService;
import org.eticket.terminal.TerminalGateway;
import org.eticket.terminal.TerminalRegistry;

/**
 * Reader terminals: registration with a one-time enrollment code, revocation, and
 * whether they are online; APDUs and device commands for diagnosis. The registry lists
 * all terminals, so the search and paging happen here.
 */
@Path("terminals")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Terminals")
public class TerminalResource {

    @EJB
    TerminalRegistry terminals;

    @EJB
    TerminalEnrollmentService enrollment;

    @EJB
    TerminalGateway gateway;

    /** Registers a terminal; the answer holds its one-time enrollment code, which is shown only this once. */
    @POST
    public Response registerTerminal(TerminalRegistration registration, @Context UriInfo uri) {
        TerminalRegistration r = Requests.body(registration);
        TerminalEnrollmentService.EnrollmentCode code = enrollment.register(r.terminalId(), r.kind(), r.place(),
                r.venueCode(), r.storeCode());
        return Requests.created(uri, dto(code), "terminals/{id}", code.terminalId());
    }

    /** A new one-time code (earlier ones stop working), e.g. for a replaced device or after revocation. */
    @POST
    @Path("{terminalId}/enrollment-code")
    public EnrollmentCodeDto renewEnrollmentCode(@PathParam("terminalId") String terminalId) {
        return dto(enrollment.renewCode(terminalId));
    }

    @POST
    @Path("{terminalId}/revocation")
    public TerminalDto revokeTerminal(@PathParam("terminalId") String terminalId, TerminalRevocationRequest request) {
        enrollment.revoke(terminalId, request == null ? null : request.reason());
        return getTerminal(terminalId);
    }

    /** Sends one APDU to the chip in the terminal's reader (diagnosis; the ticket flows use the gateway themselves). */
    @POST
    @Path("{terminalId}/apdu")
    public TerminalApduDto sendApdu(@PathParam("terminalId") String terminalId, TerminalApduRequest request) {
        TerminalApduRequest r = Requests.body(request);
        byte[] command;
        try {
            command = HexFormat.of().parseHex(r.apdu() == null ? "" : r.apdu().replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("apdu must be hex: " + e.getMessage());
        }
        byte[] response = gateway.transmit(terminalId, command, timeout(r.timeoutMillis()));
        String hex = HexFormat.of().withUpperCase().formatHex(response);
        return new TerminalApduDto(hex, hex.substring(hex.length() - 4));
    }

    @POST
    @Path("{terminalId}/commands")
    public TerminalDto sendCommand(@PathParam("terminalId") String terminalId, TerminalCommandRequest request) {
        TerminalCommandRequest r = Requests.body(request);
        TerminalCommand.Kind kind;
        try {
            kind = TerminalCommand.Kind.valueOf(r.command() == null ? "" : r.command().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("command must be one of " + List.of(TerminalCommand.Kind.values()));
        }
        TerminalCommand command;
        try {
            command = new TerminalCommand(kind, r.text(), Boolean.TRUE.equals(r.large()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
        gateway.execute(terminalId, command, timeout(r.timeoutMillis()));
        return getTerminal(terminalId);
    }

    private static Duration timeout(Integer millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }

    private static EnrollmentCodeDto dto(TerminalEnrollmentService.EnrollmentCode code) {
        return new EnrollmentCodeDto(code.terminalId(), code.code(), code.expires().toString());
    }

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
                || t.getKind() != null && contains(t.getKind().name(), text);
    }

    private static boolean contains(String field, String text) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text);
    }
}
