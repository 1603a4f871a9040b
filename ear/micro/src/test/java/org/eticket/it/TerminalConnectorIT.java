package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.connector.protocol.Frame;
import org.eticket.connector.protocol.FrameCodec;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;
import org.eticket.connector.terminal.CenterLink;
import org.eticket.connector.terminal.ChipWatcher;
import org.eticket.connector.terminal.ConsoleDevices;
import org.eticket.connector.terminal.Devices;
import org.eticket.connector.terminal.EmulatedChipPort;
import org.eticket.connector.terminal.EventOutbox;
import org.eticket.connector.terminal.PcscChipPort;
import org.eticket.connector.terminal.TerminalIdentity;
import org.eticket.connector.terminal.VpcdCard;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reader terminals through the real adapter in Payara Micro: an administrator registers a
 * terminal, the terminal program enrolls with the one-time code and connects over TLS
 * with its certificate, the registry shows it online; an APDU sent through the gateway EJB
 * (the outbound connection factory) reaches the emulated chip behind the terminal and the
 * answer comes back; an unenrolled terminal is refused and a revoked one cut off.
 */
@ExtendWith(ArquillianExtension.class)
class TerminalConnectorIT {

    private static final int TERMINAL_PORT = TerminalRig.TERMINAL_PORT;
    private static final Duration WAIT = TerminalRig.WAIT;
    private static final String SELECT = "00A4040008F0455449434B455400";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void anEnrolledTerminalConnectsRelaysApdusAndIsCutOffWhenRevoked() throws Exception {
        Api admin = Api.demo(base, "admin");
        String gateId = Api.unique("GATE");
        Path data = Files.createTempDirectory("terminal-it");

        assertEquals(400, admin.post("api/v1/terminals", TerminalRig.registration(gateId, "GATE", "storeCode", "CORNER-01")).status(),
                "a gate stands at a venue, not a store");
        Api.Response registered = admin.post("api/v1/terminals", TerminalRig.registration(gateId, "GATE", "venueCode", "GRAND-HALL"));
        assertEquals(201, registered.status(), registered.body());
        String code = registered.json().getString("enrollmentCode");
        assertEquals(409, admin.post("api/v1/terminals", TerminalRig.registration(gateId, "GATE", "venueCode", "GRAND-HALL")).status());
        assertEquals(403, Api.demo(base, "venue").post("api/v1/terminals", TerminalRig.registration(Api.unique("X"), "GATE", "venueCode", "GRAND-HALL")).status());

        // Enrollment: a wrong code is refused, the right one works once.
        TerminalIdentity.EnrollmentRefusedException wrong = assertThrows(TerminalIdentity.EnrollmentRefusedException.class,
                () -> TerminalIdentity.enroll(TerminalRig.center(base), gateId, "AAAA-BBBB-CCCC-DDDD", data.resolve("wrong"), "pw".toCharArray()));
        assertEquals(403, wrong.status());
        TerminalIdentity gate = TerminalIdentity.enroll(TerminalRig.center(base), gateId, code.toLowerCase(), data.resolve("gate"), "pw".toCharArray());
        TerminalIdentity.EnrollmentRefusedException reused = assertThrows(TerminalIdentity.EnrollmentRefusedException.class,
                () -> TerminalIdentity.enroll(TerminalRig.center(base), gateId, code, data.resolve("again"), "pw".toCharArray()));
        assertEquals(403, reused.status(), "the code is single-use");

        // The terminal program connects over TLS with its certificate; the registry shows it online.
        EmulatedChipPort reader = new EmulatedChipPort();
        ConsoleDevices devices = new ConsoleDevices("GATE", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (EventOutbox outbox = EventOutbox.open(data.resolve("outbox"));
             CenterLink link = new CenterLink("localhost", TERMINAL_PORT, gateId, gate.sslContext(), outbox, reader, devices,
                     Duration.ofMillis(200))) {
            link.start();
            assertTrue(link.awaitOnline(WAIT), () -> "online: " + link.lastProblem());
            JsonObject online = TerminalRig.awaitTerminal(admin, gateId, t -> t.getBoolean("online"));
            assertEquals("GATE", online.getString("kind"));
            assertEquals("north entrance", online.getString("place"));
            assertEquals("GRAND-HALL", online.getString("venueCode"));
            assertTrue(online.getBoolean("enrolled"));
            assertFalse(online.getString("instanceId", "").isEmpty(), online.toString());

            // An APDU from the gateway EJB through the pooled outbound connection to the chip, and back.
            Api.Response noChip = admin.post("api/v1/terminals/" + gateId + "/apdu", apdu(SELECT));
            assertEquals(409, noChip.status(), noChip.body());
            assertTrue(noChip.message().contains("no chip in the reader"), noChip.body());
            ChipUid uid = ChipUid.parse(String.format("04%012X", System.nanoTime() & 0xFFFFFFFFFFFFL));
            reader.place(ChipEmulator.inMemory(ChipPersonalization.of(uid, "eticket it",
                    MasterKey.generate(1, new SecureRandom()).chipKeys(uid))));
            // 40 requests take 80 pooled connections (route check + send), more than the pool's 64: they go back.
            for (int i = 0; i < 40; i++) {
                Api.Response answer = admin.post("api/v1/terminals/" + gateId + "/apdu", apdu(SELECT));
                assertEquals(200, answer.status(), answer.body());
                assertEquals("9000", answer.json().getString("statusWord"));
                assertTrue(answer.json().getString("response").contains("C007" + uid), answer.body());
            }
            Api.Response lamp = admin.post("api/v1/terminals/" + gateId + "/commands", "{\"command\":\"LAMP_RED\"}");
            assertEquals(200, lamp.status(), lamp.body());
            assertEquals(Devices.Lamp.RED, devices.lampState());
            assertEquals(200, admin.post("api/v1/terminals/" + gateId + "/commands",
                    "{\"command\":\"DISPLAY\",\"text\":\"Welcome\",\"large\":true}").status());
            assertEquals("Welcome", devices.displayed());
            assertEquals(400, admin.post("api/v1/terminals/" + gateId + "/apdu", apdu("00A4")).status(), "not an APDU");

            // A chip event from the terminal reaches the registry through the MDB, numbered.
            outbox.add(FrameType.CHIP_PRESENTED, uid.bytes());
            JsonObject seen = TerminalRig.awaitTerminal(admin, gateId, t -> uid.toString().equalsIgnoreCase(t.getString("lastChipUid", "")));
            assertEquals(1, seen.getJsonNumber("lastEventSequence").longValue());

            // An unenrolled terminal (no certificate) never gets through the TLS handshake.
            assertRefusedWithoutCertificate(gateId);
            // An enrolled terminal's bad frame closes only its own connection.
            String kioskId = Api.unique("KIOSK");
            String kioskCode = admin.post("api/v1/terminals", TerminalRig.registration(kioskId, "KIOSK", "storeCode", "CORNER-01"))
                    .json().getString("enrollmentCode");
            TerminalIdentity kiosk = TerminalIdentity.enroll(TerminalRig.center(base), kioskId, kioskCode, data.resolve("kiosk"), "pw".toCharArray());
            try (SSLSocket rogue = (SSLSocket) kiosk.sslContext().getSocketFactory().createSocket("localhost", TERMINAL_PORT)) {
                rogue.setSoTimeout(20_000);
                FrameCodec codec = new FrameCodec(65536);
                codec.write(rogue.getOutputStream(), Frames.hello(kioskId));
                assertEquals(FrameType.WELCOME, codec.read(rogue.getInputStream()).type());
                rogue.getOutputStream().write(new byte[] {0x03, 0, 0, 0});
                rogue.getOutputStream().flush();
                Frame refusal = codec.read(rogue.getInputStream());
                assertEquals(FrameType.ERROR, refusal.type());
                assertTrue(refusal.text().contains("exceeds the limit"), refusal.text());
                assertEquals(-1, rogue.getInputStream().read());
            }
            JsonObject kioskOffline = TerminalRig.awaitTerminal(admin, kioskId, t -> !t.getBoolean("online") && t.containsKey("lastDisconnectReason")
                    && !t.isNull("lastDisconnectReason"));
            assertTrue(kioskOffline.getString("lastDisconnectReason").contains("protocol error"), kioskOffline.toString());
            assertTrue(link.isOnline(), "the gate stays connected");

            // Each party sees only its own terminals (design §5): the hall's staff its gates, the store its kiosks;
            // another's terminal is not found at all.
            Api venue = Api.demo(base, "venue");
            Api store = Api.demo(base, "store");
            assertOwnTerminals(venue, "venueCode", "GRAND-HALL", gateId, kioskId);
            assertOwnTerminals(store, "storeCode", "CORNER-01", kioskId, gateId);
            assertEquals(200, venue.get("api/v1/terminals/" + gateId).status());
            assertEquals(404, venue.get("api/v1/terminals/" + kioskId).status(), "the store's kiosk is not the hall's");
            assertEquals(404, store.get("api/v1/terminals/" + gateId).status(), "the hall's gate is not the store's");

            // Revocation: the adapter cuts the terminal off at once; it cannot come back.
            Api.Response revoked = admin.post("api/v1/terminals/" + gateId + "/revocation", "{\"reason\":\"device stolen\"}");
            assertEquals(200, revoked.status(), revoked.body());
            assertTrue(link.awaitOffline(WAIT), "cut off");
            JsonObject offline = TerminalRig.awaitTerminal(admin, gateId, t -> !t.getBoolean("online"));
            assertTrue(offline.getBoolean("revoked"));
            assertTrue(offline.getString("lastDisconnectReason", "").contains("revoked"), offline.toString());
            awaitCondition(() -> String.valueOf(link.lastProblem()).contains("certificate revoked: device stolen"),
                    () -> "reconnects refused with the reason, was: " + link.lastProblem());
            assertFalse(link.isOnline());
            assertEquals(409, admin.post("api/v1/terminals/" + gateId + "/apdu", apdu(SELECT)).status(), "offline");
        }
        assertEquals(403, Api.demo(base, "alice").get("api/v1/terminals").status());
        assertEquals(404, admin.get("api/v1/terminals/NO-SUCH-TERMINAL").status());
    }

    /**
     * The party's listing holds its own terminal, not the other's, and every terminal in it is the party's.
     */
    private static void assertOwnTerminals(Api party, String ownerField, String ownerCode, String own, String others) {
        Api.Response listed = party.get("api/v1/terminals?size=100");
        assertEquals(200, listed.status(), listed.body());
        java.util.List<JsonObject> terminals = listed.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(terminals.stream().anyMatch(t -> own.equals(t.getString("terminalId"))), listed.body());
        assertFalse(terminals.stream().anyMatch(t -> others.equals(t.getString("terminalId"))), listed.body());
        assertTrue(terminals.stream().allMatch(t -> ownerCode.equals(t.getString(ownerField, null))), listed.body());
    }

    /**
     * The whole chain with a real reader: REST, the gateway EJB, the rar, TLS, the terminal
     * program's PC/SC reader, pcscd, vsmartcard's vpcd, the chip emulator as the card.
     * Needs pcscd running with vpcd (.ci/run starts it); skipped outside CI without it.
     */
    @Test
    void anApduReachesAChipThroughPcscdAndVpcd() throws Exception {
        TerminalRig.assumePcscdWithVpcd();
        Api admin = Api.demo(base, "admin");
        String homeId = Api.unique("HOME");
        Path data = Files.createTempDirectory("terminal-pcsc-it");
        String code = admin.post("api/v1/terminals", Json.createObjectBuilder().add("terminalId", homeId).add("kind", "HOME_READER")
                .add("place", "customer's home").build().toString()).json().getString("enrollmentCode");
        TerminalIdentity home = TerminalIdentity.enroll(TerminalRig.center(base), homeId, code, data.resolve("home"), "pw".toCharArray());
        ChipUid uid = ChipUid.parse(String.format("04%012X", System.nanoTime() & 0xFFFFFFFFFFFFL));
        PcscChipPort reader = PcscChipPort.open("Virtual PCD");
        try (VpcdCard card = VpcdCard.insert(ChipEmulator.inMemory(ChipPersonalization.of(uid, "eticket pcsc it",
                     MasterKey.generate(1, new SecureRandom()).chipKeys(uid))), "localhost", VpcdCard.DEFAULT_PORT);
             EventOutbox outbox = EventOutbox.open(data.resolve("outbox"));
             ChipWatcher watcher = new ChipWatcher(reader, outbox);
             CenterLink link = new CenterLink("localhost", TERMINAL_PORT, homeId, home.sslContext(), outbox, reader,
                     new ConsoleDevices("HOME_READER", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                     Duration.ofMillis(200))) {
            watcher.start();
            link.start();
            assertTrue(link.awaitOnline(WAIT), () -> "online: " + link.lastProblem());
            JsonObject presented = TerminalRig.awaitTerminal(admin, homeId, t -> uid.toString().equals(t.getString("lastChipUid", "")));
            assertEquals("HOME_READER", presented.getString("kind"));
            Api.Response answer = admin.post("api/v1/terminals/" + homeId + "/apdu", apdu(SELECT));
            assertEquals(200, answer.status(), answer.body());
            assertEquals("9000", answer.json().getString("statusWord"));
            assertTrue(answer.json().getString("response").contains("C007" + uid), answer.body());
            assertEquals(200, admin.post("api/v1/terminals/" + homeId + "/commands",
                    "{\"command\":\"DISPLAY\",\"text\":\"Please bring your card close to the writer\",\"large\":true}").status());
        }
    }

    private static String apdu(String hex) {
        return Json.createObjectBuilder().add("apdu", hex).add("timeoutMillis", 10_000).build().toString();
    }

    /** A client without a certificate (trusting anything, so only the adapter's side can refuse). */
    private static void assertRefusedWithoutCertificate(String terminalId) throws Exception {
        SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
        anonymous.init(null, new TrustManager[] {new X509TrustManager() {
            @Override public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }

            @Override public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) { }

            @Override public java.security.cert.X509Certificate[] getAcceptedIssuers() { return new java.security.cert.X509Certificate[0]; }
        }}, new SecureRandom());
        boolean welcomed;
        try (SSLSocket socket = (SSLSocket) anonymous.getSocketFactory().createSocket("localhost", TERMINAL_PORT)) {
            socket.setSoTimeout(20_000);
            FrameCodec codec = new FrameCodec(65536);
            codec.write(socket.getOutputStream(), Frames.hello(terminalId));
            Frame answer = codec.read(socket.getInputStream());
            welcomed = answer != null && answer.type() == FrameType.WELCOME;
        } catch (java.io.IOException | org.eticket.connector.protocol.FrameException e) {
            welcomed = false;
        }
        assertFalse(welcomed, "a terminal without a certificate is not welcomed");
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(what.get());
            }
            Thread.sleep(50);
        }
    }
}
