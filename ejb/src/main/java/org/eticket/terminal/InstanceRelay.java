package org.eticket.terminal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eticket.connector.api.TerminalCommand;
import org.eticket.connector.api.TerminalConnection;
import org.eticket.connector.api.TerminalException;
import org.eticket.keys.KeyEncryptionKeyFile;
import org.eticket.platform.ConflictException;
import org.eticket.platform.ValidationException;
import org.eticket.security.Roles;

/**
 * Drives a terminal connected to another instance: the gateway of the instance that took the
 * request sends the APDU or device command, signed, to the relay endpoint of the instance whose
 * adapter holds the terminal ({@link #send}); that instance checks the signature and runs it through
 * its own adapter only ({@link #serve}), so a relayed request is never relayed again and no loop
 * can form. The calling instance has already done the caller's authorization; the relay carries
 * only what the center built. connector/README.md, "Several instances".
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceRelay {

    private static final Logger LOG = Logger.getLogger(InstanceRelay.class.getName());
    /** The servlet path of the relay endpoint in the web module. */
    public static final String PATH = "/internal/terminal-relay";
    public static final String FROM = "X-Eticket-Relay-From";
    public static final String TO = "X-Eticket-Relay-To";
    public static final String TIME = "X-Eticket-Relay-Time";
    public static final String NONCE = "X-Eticket-Relay-Nonce";
    public static final String SIGNATURE = "X-Eticket-Relay-Signature";
    static final String KEY_PURPOSE = "instance-relay/v1";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Time for the HTTP exchange on top of the terminal's own timeout. */
    static final Duration HTTP_MARGIN = Duration.ofSeconds(3);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();
    /**
     * Nonces this instance accepted within the freshness window. Local by design: a request's MAC
     * names its target instance, so it can only be replayed to this one.
     */
    private static final Map<String, Instant> SEEN = new ConcurrentHashMap<>();

    @Inject
    KeyEncryptionKeyFile kek;

    @EJB
    InstanceDirectory directory;

    /** A relay call as the endpoint received it. */
    public record Call(String from, String to, String time, String nonce, String signature, String method, String path,
                       byte[] body) {
    }

    /** The endpoint's answer: HTTP status, JSON body, and the answer's signature (null when refused unsigned). */
    public record Answer(int status, byte[] body, String signature) {
    }

    // --- the calling side ----------------------------------------------------------------------

    /** Called by {@link TerminalGateway} only, after its own checks; the roles of the gateway's relay methods. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public byte[] transmit(String instance, String terminalId, byte[] apdu, Duration timeout) {
        JsonObject answer = send(instance, terminalId, Json.createObjectBuilder().add("kind", "APDU")
                .add("apdu", HEX.formatHex(apdu)), timeout);
        try {
            return HEX.parseHex(answer.getString("apdu"));
        } catch (RuntimeException e) {
            throw new ConflictException("instance " + instance + " answered for terminal " + terminalId + " without an APDU");
        }
    }

    /** Called by {@link TerminalGateway} only; see {@link #transmit}. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public void execute(String instance, String terminalId, TerminalCommand command, Duration timeout) {
        JsonObjectBuilder c = Json.createObjectBuilder().add("kind", command.kind().name()).add("large", command.large());
        if (command.text() != null) {
            c.add("text", command.text());
        }
        send(instance, terminalId, Json.createObjectBuilder().add("kind", "COMMAND").add("command", c), timeout);
    }

    private JsonObject send(String instance, String terminalId, JsonObjectBuilder request, Duration timeout) {
        String here = directory.here();
        if (here == null) {
            throw new ConflictException("the terminal adapter is not available on this instance");
        }
        String url = directory.urlOf(instance).orElseThrow(() -> new ConflictException("terminal " + terminalId
                + " is connected to instance " + instance + ", whose address is not in the instance directory"));
        byte[] body = request.add("terminalId", terminalId).add("timeoutMillis", timeout.toMillis()).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();
        String nonce = nonce();
        RelaySignature mac = signature();
        String requestMac = mac.request(here, instance, now, nonce, "POST", PATH, body);
        HttpRequest http = HttpRequest.newBuilder(URI.create(url + PATH))
                .timeout(timeout.plus(HTTP_MARGIN))
                .header("Content-Type", "application/json")
                .header(FROM, here).header(TO, instance).header(TIME, Long.toString(now)).header(NONCE, nonce)
                .header(SIGNATURE, requestMac)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ConflictException("terminal " + terminalId + " on instance " + instance + " did not answer within "
                    + timeout.plus(HTTP_MARGIN).toMillis() + " ms (relayed)");
        } catch (IOException e) {
            throw new ConflictException("terminal " + terminalId + " is connected to instance " + instance
                    + ", which cannot be reached at " + url + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while relaying to terminal " + terminalId + " on instance " + instance);
        }
        String answerMac = response.headers().firstValue(SIGNATURE).orElse(null);
        if (!RelaySignature.matches(mac.answer(requestMac, response.statusCode(), response.body()), answerMac)) {
            LOG.warning("answer of instance " + instance + " for terminal " + terminalId + " failed authentication (HTTP "
                    + response.statusCode() + ")");
            throw new ConflictException("instance " + instance + " that holds terminal " + terminalId
                    + " refused or answered unauthenticated (HTTP " + response.statusCode() + ")");
        }
        JsonObject answer = parse(response.body());
        String outcome = answer.getString("outcome", "");
        String message = answer.getString("message", "");
        return switch (outcome) {
            case "OK" -> answer;
            case "BAD_REQUEST" -> throw new ValidationException(message);
            default -> throw new ConflictException(message + " (on instance " + instance + ")");
        };
    }

    // --- the serving side ----------------------------------------------------------------------

    /**
     * Checks the call's signature, freshness, target and nonce, then runs it through this
     * instance's adapter. A refused call changes nothing and is answered without detail beyond the reason.
     */
    @PermitAll
    public Answer serve(Call call) {
        RelaySignature mac = signature();
        String here = directory.here();
        Instant now = Instant.now();
        String refusal = mac.refusal(call.from(), call.to(), call.time(), call.nonce(), call.method(), call.path(),
                call.body(), call.signature(), now);
        if (refusal != null) {
            LOG.warning("relay call from " + printable(call.from()) + " refused: " + refusal);
            return refused(refusal.startsWith("relay request too old") ? 403 : 401, refusal);
        }
        if (here == null || !here.equals(call.to())) {
            LOG.warning("relay call from " + printable(call.from()) + " for instance " + printable(call.to())
                    + " refused here (" + here + ")");
            return refused(403, "relay call for another instance");
        }
        if (!firstUse(call.nonce(), now)) {
            LOG.warning("relay call from " + printable(call.from()) + " refused: replayed");
            return refused(403, "replayed relay call");
        }
        JsonObject result = run(call.body());
        byte[] body = result.toString().getBytes(StandardCharsets.UTF_8);
        return new Answer(200, body, mac.answer(call.signature(), 200, body));
    }

    private static JsonObject run(byte[] requestBody) {
        String terminalId;
        Duration timeout;
        JsonObject request;
        try {
            request = parse(requestBody);
            terminalId = request.getString("terminalId");
            timeout = Duration.ofMillis(request.getJsonNumber("timeoutMillis").longValueExact());
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(TerminalGateway.MAX_TIMEOUT) > 0) {
                return outcome("BAD_REQUEST", "timeout out of range");
            }
        } catch (RuntimeException e) {
            return outcome("BAD_REQUEST", "malformed relay request");
        }
        try (TerminalConnection connection = TerminalGateway.connection()) {
            switch (request.getString("kind", "")) {
                case "APDU" -> {
                    byte[] response = connection.transmit(terminalId, HEX.parseHex(request.getString("apdu")), timeout);
                    return Json.createObjectBuilder().add("outcome", "OK").add("apdu", HEX.formatHex(response)).build();
                }
                case "COMMAND" -> {
                    JsonObject c = request.getJsonObject("command");
                    connection.execute(terminalId, new TerminalCommand(TerminalCommand.Kind.valueOf(c.getString("kind")),
                            c.getString("text", null), c.getBoolean("large", false)), timeout);
                    return outcome("OK", "");
                }
                default -> {
                    return outcome("BAD_REQUEST", "unknown relay request kind");
                }
            }
        } catch (TerminalException e) {
            return outcome(e.reason().name(), e.getMessage());
        } catch (ConflictException e) {
            return outcome("NOT_CONNECTED", e.getMessage());
        } catch (RuntimeException e) {
            return outcome("BAD_REQUEST", "malformed relay request: " + e.getClass().getSimpleName());
        }
    }

    private Answer refused(int status, String reason) {
        byte[] body = outcome("REFUSED", reason).toString().getBytes(StandardCharsets.UTF_8);
        return new Answer(status, body, null);
    }

    /** A header value fit for the log: an unauthenticated caller chooses it. */
    static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        String cut = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static JsonObject outcome(String outcome, String message) {
        return Json.createObjectBuilder().add("outcome", outcome).add("message", message == null ? "" : message).build();
    }

    private static boolean firstUse(String nonce, Instant now) {
        if (SEEN.size() > 10_000) {
            Instant horizon = now.minus(RelaySignature.MAX_AGE.multipliedBy(2));
            for (Iterator<Instant> it = SEEN.values().iterator(); it.hasNext(); ) {
                if (it.next().isBefore(horizon)) {
                    it.remove();
                }
            }
        }
        return SEEN.putIfAbsent(nonce, now) == null;
    }

    private RelaySignature signature() {
        return new RelaySignature(kek.derivedKey(KEY_PURPOSE));
    }

    private static String nonce() {
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(n);
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ConflictException("malformed relay message");
        }
    }
}
