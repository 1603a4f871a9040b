package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.eticket.connector.terminal.CenterLink;
import org.eticket.connector.terminal.ChipPort;
import org.eticket.connector.terminal.ConsoleDevices;
import org.eticket.connector.terminal.EventOutbox;
import org.eticket.connector.terminal.TerminalIdentity;
import org.eticket.connector.terminal.VpcdCard;
import org.junit.jupiter.api.Assumptions;

/**
 * The terminal side of the terminal ITs: registering and enrolling a terminal, running the real
 * terminal program's link ({@link CenterLink}) with a reader and console devices, waiting on the
 * registry, and whether pcscd with vpcd is there (CI: it must be).
 */
final class TerminalRig implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final int TERMINAL_PORT = Integer.getInteger("it.terminal.port");
    /**
     * vpcd's second reader and the port its card side listens on (first reader's port + 1). The
     * ITs use it so the terminal module's PcscVirtualReaderTest, which may run outside the IT lock,
     * keeps the first one to itself.
     */
    static final String PCSC_READER = "Virtual PCD 00 01";
    static final int VPCD_PORT = VpcdCard.DEFAULT_PORT + 1;

    final String terminalId;
    final EventOutbox outbox;
    final ConsoleDevices devices;
    final CenterLink link;

    private TerminalRig(String terminalId, EventOutbox outbox, ConsoleDevices devices, CenterLink link) {
        this.terminalId = terminalId;
        this.outbox = outbox;
        this.devices = devices;
        this.link = link;
    }

    /** Registers a terminal of {@code kind} (site: null, or "venueCode"/"storeCode" and its code), enrolls it and connects it with {@code reader}. */
    static TerminalRig start(URL base, Api admin, String kind, String siteField, String site, ChipPort reader) throws Exception {
        String id = Api.unique(kind.replace("_", ""));
        Api.Response registered = admin.post("api/v1/terminals", registration(id, kind, siteField, site));
        assertEquals(201, registered.status(), registered.body());
        Path data = Files.createTempDirectory("terminal-rig");
        TerminalIdentity identity = TerminalIdentity.enroll(center(base), id, registered.json().getString("enrollmentCode"),
                data.resolve("identity"), "pw".toCharArray());
        EventOutbox outbox = EventOutbox.open(data.resolve("outbox"));
        ConsoleDevices devices = new ConsoleDevices(kind, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        CenterLink link = new CenterLink("localhost", TERMINAL_PORT, id, identity.sslContext(), outbox, reader, devices,
                Duration.ofMillis(200));
        TerminalRig rig = new TerminalRig(id, outbox, devices, link);
        link.start();
        assertTrue(link.awaitOnline(WAIT), () -> "online: " + link.lastProblem());
        awaitTerminal(admin, id, t -> t.getBoolean("online"));
        return rig;
    }

    @Override
    public void close() throws IOException {
        link.close();
        outbox.close();
    }

    static URI center(URL base) {
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    static String registration(String id, String kind, String siteField, String site) {
        var b = Json.createObjectBuilder().add("terminalId", id).add("kind", kind).add("place", "north entrance");
        if (siteField != null) {
            b.add(siteField, site);
        }
        return b.build().toString();
    }

    /** Polls the registry until the terminal satisfies the condition, within {@link #WAIT}. */
    static JsonObject awaitTerminal(Api admin, String terminalId, Predicate<JsonObject> condition) {
        Instant until = Instant.now().plus(WAIT);
        Api.Response last;
        do {
            last = admin.get("api/v1/terminals/" + terminalId);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            Thread.onSpinWait();
        } while (Instant.now().isBefore(until));
        throw new AssertionError("terminal " + terminalId + " did not reach the expected state: " + last.body());
    }

    /** Whether vpcd listens; outside CI a missing pcscd skips the test, under CI it fails it. */
    static void assumePcscdWithVpcd() {
        boolean vpcd;
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("localhost", VPCD_PORT), 1000);
            vpcd = true;
        } catch (IOException e) {
            vpcd = false;
        }
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(vpcd, "pcscd with vpcd is not running (pcscd --foreground &)");
        }
        assertTrue(vpcd, "under CI, .ci/run starts pcscd with vpcd");
    }
}
