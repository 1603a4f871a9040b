package org.eticket.connector.adapter.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.connector.adapter.pki.TerminalPki;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalException;
import org.eticket.connector.protocol.Frame;
import org.eticket.connector.protocol.FrameCodec;
import org.eticket.connector.protocol.FrameLayout;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;
import org.eticket.connector.terminal.CenterLink;
import org.eticket.connector.terminal.ConsoleDevices;
import org.eticket.connector.terminal.Devices;
import org.eticket.connector.terminal.EmulatedChipPort;
import org.eticket.connector.terminal.EventOutbox;
import org.eticket.connector.terminal.TerminalIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter's listener with real TLS and the real terminal program on loopback. */
class TerminalServerTest {

    static final byte[] SELECT = HexFormat.of().parseHex("00A4040008F0455449434B455400");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private AdapterHarness adapter;
    private final List<AutoCloseable> closing = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        adapter = new AdapterHarness(dir.resolve("pki"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        adapter.close();
    }

    static ChipEmulator chip(String uid) {
        ChipUid id = ChipUid.parse(uid);
        return ChipEmulator.inMemory(ChipPersonalization.of(id, "eticket test", MasterKey.generate(1, new SecureRandom()).chipKeys(id)));
    }

    private EventOutbox outbox(String terminalId) throws IOException {
        EventOutbox outbox = EventOutbox.open(dir.resolve(terminalId));
        closing.add(outbox);
        return outbox;
    }

    private CenterLink link(TerminalIdentity identity, EventOutbox outbox, EmulatedChipPort chip, Devices devices) throws Exception {
        CenterLink link = new CenterLink("127.0.0.1", adapter.server.port(), identity.terminalId(), identity.sslContext(),
                outbox, chip, devices, Duration.ofMillis(50));
        closing.add(0, link);
        link.start();
        return link;
    }

    @Test
    void anEnrolledTerminalIsOnlineAndRelaysApdusCommandsAndChipEvents() throws Exception {
        TerminalIdentity gate = adapter.enroll("GATE-01");
        EmulatedChipPort reader = new EmulatedChipPort();
        ConsoleDevices devices = new ConsoleDevices("GATE", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        EventOutbox outbox = outbox("GATE-01");
        CenterLink link = link(gate, outbox, reader, devices);
        assertTrue(link.awaitOnline(WAIT), () -> "online: " + link.lastProblem());
        TerminalEvent online = adapter.await(e -> e.kind() == TerminalEvent.Kind.ONLINE && e.terminalId().equals("GATE-01"), WAIT);
        assertEquals("test-instance", online.instanceId());
        assertEquals(java.util.Set.of("GATE-01"), adapter.server.connectedTerminals());

        TerminalSession session = adapter.server.session("GATE-01");
        Frame noChip = session.request(id -> Frames.apdu(id, SELECT), WAIT);
        assertEquals(FrameType.COMMAND_FAILED, noChip.type());
        assertEquals("no chip in the reader", FrameLayout.text(noChip));

        // A chip from the watcher of the terminal program: presented, with its UID, numbered.
        org.eticket.connector.terminal.ChipWatcher watcher = new org.eticket.connector.terminal.ChipWatcher(reader, outbox);
        closing.add(0, watcher);
        watcher.start();
        reader.place(chip("04A1B2C3D4E5F6"));
        TerminalEvent presented = adapter.await(e -> e.kind() == TerminalEvent.Kind.CHIP_PRESENTED, WAIT);
        assertEquals("04A1B2C3D4E5F6", presented.chipUid());
        assertEquals(1, presented.sequence());

        Frame fci = session.request(id -> Frames.apdu(id, SELECT), WAIT);
        assertEquals(FrameType.APDU_RESPONSE, fci.type());
        String hex = HexFormat.of().withUpperCase().formatHex(FrameLayout.body(fci));
        assertTrue(hex.endsWith("9000") && hex.contains("C00704A1B2C3D4E5F6"), hex);

        assertEquals(FrameType.COMMAND_DONE, session.request(id -> Frames.lamp(id, Frames.Lamp.BLUE), WAIT).type());
        assertEquals(Devices.Lamp.BLUE, devices.lampState());
        assertEquals(FrameType.COMMAND_DONE, session.request(id -> Frames.display(id, "Welcome", true), WAIT).type());
        assertEquals("Welcome", devices.displayed());
        assertEquals(FrameType.COMMAND_DONE, session.request(Frames::openGate, WAIT).type());

        reader.remove();
        TerminalEvent removed = adapter.await(e -> e.kind() == TerminalEvent.Kind.CHIP_REMOVED, WAIT);
        assertEquals(2, removed.sequence());
        assertEquals("04A1B2C3D4E5F6", removed.chipUid());
        awaitTrue(() -> outbox.pending().isEmpty(), "the center acknowledged both events");
    }

    @Test
    void aHomeReaderHasNoGateAndASilentTerminalTimesOut() throws Exception {
        TerminalIdentity home = adapter.enroll("HOME-7");
        ConsoleDevices devices = new ConsoleDevices("HOME_READER", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        CenterLink link = link(home, outbox("HOME-7"), new EmulatedChipPort(), devices);
        assertTrue(link.awaitOnline(WAIT));
        TerminalSession session = adapter.server.session("HOME-7");
        Frame refused = session.request(Frames::openGate, WAIT);
        assertEquals(FrameType.COMMAND_FAILED, refused.type());
        assertEquals("a HOME_READER terminal has no gate", FrameLayout.text(refused));

        // A raw terminal that never answers: the request times out, the connection stays.
        TerminalIdentity mute = adapter.enroll("MUTE-1");
        try (SSLSocket socket = raw(mute)) {
            hello(socket, "MUTE-1");
            TerminalException e = assertThrows(TerminalException.class,
                    () -> adapter.server.session("MUTE-1").request(id -> Frames.apdu(id, SELECT), Duration.ofMillis(200)));
            assertEquals(TerminalException.Reason.TIMEOUT, e.reason());
            assertNotNull(adapter.server.session("MUTE-1"));
        }
    }

    @Test
    void terminalsWithoutTheirPlatformCertificateAreRefused() throws Exception {
        // No client certificate at all.
        SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
        anonymous.init(null, trustingPlatformCa(), new SecureRandom());
        assertRefused(() -> anonymous.getSocketFactory().createSocket("127.0.0.1", adapter.server.port()), "NOBODY");

        // A certificate from another CA, naming a terminal the platform knows.
        adapter.enroll("GATE-02");
        TerminalPki rogueCa = TerminalPki.openOrCreate(dir.resolve("rogue-pki"));
        var pair = TerminalIdentity.keyPair();
        var forged = rogueCa.issue("GATE-02", TerminalIdentity.certificationRequest("GATE-02", pair));
        SSLContext rogue = clientContext(pair.getPrivate(), forged.certificatePem());
        assertRefused(() -> rogue.getSocketFactory().createSocket("127.0.0.1", adapter.server.port()), "GATE-02");

        // A platform certificate, but HELLO names another terminal.
        TerminalIdentity kiosk = adapter.enroll("KIOSK-01");
        try (SSLSocket socket = raw(kiosk)) {
            Frame answer = send(socket, Frames.hello("GATE-02"));
            assertEquals(FrameType.ERROR, answer.type());
            assertEquals("terminal ID GATE-02 is not the one its certificate names", answer.text());
        }

        // A certificate the CA issued, but not the terminal's current one (re-enrolled since).
        TerminalIdentity old = adapter.enroll("KIOSK-02");
        adapter.enroll("KIOSK-02");
        try (SSLSocket socket = raw(old)) {
            Frame answer = send(socket, Frames.hello("KIOSK-02"));
            assertEquals(FrameType.ERROR, answer.type());
            assertTrue(answer.text().contains("not admitted: not the terminal's current certificate"), answer.text());
        }
        assertTrue(adapter.events.stream().noneMatch(e -> e.kind() == TerminalEvent.Kind.ONLINE), adapter.events::toString);
    }

    @Test
    void aRevokedTerminalIsCutOffAndCannotComeBack() throws Exception {
        TerminalIdentity kiosk = adapter.enroll("KIOSK-09");
        CenterLink link = link(kiosk, outbox("KIOSK-09"), new EmulatedChipPort(),
                new ConsoleDevices("KIOSK", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(link.awaitOnline(WAIT));
        adapter.revoked.add("KIOSK-09");
        adapter.server.recheckAll(); // the timer does this every admissionRecheckSeconds
        assertTrue(link.awaitOffline(WAIT));
        TerminalEvent offline = adapter.await(e -> e.kind() == TerminalEvent.Kind.OFFLINE, WAIT);
        assertEquals("no longer admitted: certificate revoked: lost device", offline.detail());
        awaitTrue(() -> String.valueOf(link.lastProblem()).contains("certificate revoked"), "reconnects are refused with the reason");
        assertNull(adapter.server.session("KIOSK-09"));
        assertEquals(1, adapter.events("KIOSK-09", TerminalEvent.Kind.ONLINE).size(), "never online again");
    }

    @Test
    void theAdmissionRecheckTimerCutsOffARevokedTerminalByItself() throws Exception {
        try (AdapterHarness rechecking = new AdapterHarness(dir.resolve("pki"), 200)) {
            TerminalIdentity gate = rechecking.enroll("GATE-30");
            CenterLink link = new CenterLink("127.0.0.1", rechecking.server.port(), "GATE-30", gate.sslContext(), outbox("GATE-30"),
                    new EmulatedChipPort(), new ConsoleDevices("GATE", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                    Duration.ofMillis(50));
            closing.add(0, link);
            link.start();
            assertTrue(link.awaitOnline(WAIT));
            rechecking.revoked.add("GATE-30"); // decided elsewhere: no call reaches this adapter
            assertTrue(link.awaitOffline(WAIT));
            assertEquals("no longer admitted: certificate revoked: lost device",
                    rechecking.await(e -> e.kind() == TerminalEvent.Kind.OFFLINE, WAIT).detail());
        }
    }

    @Test
    void eventsBufferedWhileTheCenterCannotTakeThemArriveOnceAndInOrder() throws Exception {
        TerminalIdentity gate = adapter.enroll("GATE-05");
        EventOutbox outbox = outbox("GATE-05");
        CenterLink link = link(gate, outbox, new EmulatedChipPort(),
                new ConsoleDevices("GATE", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(link.awaitOnline(WAIT));
        add(outbox, "1");
        add(outbox, "2");
        awaitTrue(() -> adapter.events("GATE-05", TerminalEvent.Kind.OPERATOR_INPUT).size() == 2, "first two delivered");

        adapter.failing.add("GATE-05"); // the center's database is down: no event is acknowledged
        for (int i = 3; i <= 6; i++) {
            add(outbox, String.valueOf(i));
        }
        awaitTrue(() -> outbox.pending().size() == 4, "buffered");
        link.breakConnection(); // and the network drops on top
        for (int i = 7; i <= 9; i++) {
            add(outbox, String.valueOf(i));
        }
        adapter.failing.remove("GATE-05");
        awaitTrue(() -> outbox.pending().isEmpty(), "all delivered and acknowledged");
        List<TerminalEvent> inputs = adapter.events("GATE-05", TerminalEvent.Kind.OPERATOR_INPUT);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), inputs.stream().map(TerminalEvent::detail).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), inputs.stream().map(TerminalEvent::sequence).toList());
    }

    @Test
    void eventsWaitOnDiskWhileTheCenterIsDownAndFollowInOrderWhenItIsBack() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        TerminalIdentity dispenser = adapter.enroll("DISP-1");
        Devices devices = new ConsoleDevices("DISPENSER", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (EventOutbox outbox = EventOutbox.open(dir.resolve("DISP-1"));
             CenterLink link = new CenterLink("127.0.0.1", port, "DISP-1", dispenser.sslContext(), outbox, new EmulatedChipPort(),
                     devices, Duration.ofMillis(50))) {
            add(outbox, "a");
            link.start();
            assertTrue(!link.awaitOnline(Duration.ofMillis(300)), "nobody listens yet");
            add(outbox, "b");
        }
        // The terminal program restarts meanwhile: the buffer is on disk.
        try (EventOutbox outbox = EventOutbox.open(dir.resolve("DISP-1"));
             CenterLink link = new CenterLink("127.0.0.1", port, "DISP-1", dispenser.sslContext(), outbox, new EmulatedChipPort(),
                     devices, Duration.ofMillis(50))) {
            link.start();
            add(outbox, "c");
            try (AdapterHarness center = new AdapterHarness(dir.resolve("pki"), 0, port)) {
                center.currentSerial.putAll(adapter.currentSerial);
                assertTrue(link.awaitOnline(WAIT), () -> "online: " + link.lastProblem());
                awaitTrue(() -> outbox.pending().isEmpty(), "all delivered");
                List<TerminalEvent> inputs = center.events("DISP-1", TerminalEvent.Kind.OPERATOR_INPUT);
                assertEquals(List.of("a", "b", "c"), inputs.stream().map(TerminalEvent::detail).toList());
                assertEquals(List.of(1L, 2L, 3L), inputs.stream().map(TerminalEvent::sequence).toList());
            }
        }
    }

    @Test
    void aRepeatedEventIsAcknowledgedButDeliveredOnce() throws Exception {
        TerminalIdentity gate = adapter.enroll("GATE-06");
        try (SSLSocket socket = raw(gate)) {
            assertEquals(0, FrameLayout.sequence(hello(socket, "GATE-06")));
            assertEquals(1, FrameLayout.sequence(send(socket, Frames.operatorInput(1, "once"))));
            assertEquals(1, FrameLayout.sequence(send(socket, Frames.operatorInput(1, "once"))), "the repeat is acknowledged");
        }
        try (SSLSocket socket = raw(gate)) {
            assertEquals(1, FrameLayout.sequence(hello(socket, "GATE-06")), "WELCOME says what the center holds");
        }
        assertEquals(1, adapter.events("GATE-06", TerminalEvent.Kind.OPERATOR_INPUT).size());
    }

    @Test
    void badFramesCloseOnlyTheirOwnConnection() throws Exception {
        TerminalIdentity good = adapter.enroll("GATE-10");
        EmulatedChipPort reader = new EmulatedChipPort();
        reader.place(chip("04000000000010"));
        CenterLink link = link(good, outbox("GATE-10"), reader,
                new ConsoleDevices("GATE", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(link.awaitOnline(WAIT));
        TerminalIdentity bad = adapter.enroll("GATE-11");
        String[][] cases = {
                {"00FFFFFF", "exceeds the limit"},            // oversized
                {"0000000202", "truncated"},                  // truncated, then the connection ends
                {"000000020277", "unknown frame type 0x77"},  // unknown type
                {"000000020901", "unknown protocol version 9"},
                {"0000000A02A00000000100A40400", "unexpected APDU frame"}, // a center frame from a terminal
                {"0000000302A000", "malformed APDU frame"},
        };
        for (String[] c : cases) {
            try (SSLSocket socket = raw(bad)) {
                hello(socket, "GATE-11");
                socket.getOutputStream().write(HexFormat.of().parseHex(c[0]));
                socket.getOutputStream().flush();
                if (c[1].equals("truncated")) {
                    socket.shutdownOutput(); // the terminal's side ends inside the frame
                }
                Frame error = new FrameCodec(65536).read(socket.getInputStream());
                assertEquals(FrameType.ERROR, error.type(), c[1]);
                assertTrue(error.text().contains(c[1]), error.text());
                assertEquals(-1, socket.getInputStream().read(), "closed");
            }
            TerminalEvent offline = adapter.await(e -> e.kind() == TerminalEvent.Kind.OFFLINE && e.terminalId().equals("GATE-11")
                    && e.detail().contains(c[1]), WAIT);
            assertTrue(offline.detail().startsWith("protocol error"), offline.detail());
            adapter.events.remove(offline);
        }
        assertTrue(link.isOnline(), "the other terminal stays connected");
        Frame fci = adapter.server.session("GATE-10").request(id -> Frames.apdu(id, SELECT), WAIT);
        assertEquals(FrameType.APDU_RESPONSE, fci.type());
    }

    // --- helpers ------------------------------------------------------------------------

    private static void add(EventOutbox outbox, String text) throws IOException {
        outbox.add(FrameType.OPERATOR_INPUT, text.getBytes(StandardCharsets.UTF_8));
    }

    private SSLSocket raw(TerminalIdentity identity) throws Exception {
        SSLSocket socket = (SSLSocket) identity.sslContext().getSocketFactory().createSocket("127.0.0.1", adapter.server.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static Frame hello(SSLSocket socket, String terminalId) throws Exception {
        Frame welcome = send(socket, Frames.hello(terminalId));
        assertEquals(FrameType.WELCOME, welcome.type(), welcome::text);
        return welcome;
    }

    private static Frame send(SSLSocket socket, Frame frame) throws Exception {
        FrameCodec codec = new FrameCodec(65536);
        codec.write(socket.getOutputStream(), frame);
        return codec.read(socket.getInputStream());
    }

    private interface SocketMaker {
        java.net.Socket make() throws Exception;
    }

    private void assertRefused(SocketMaker maker, String terminalId) {
        boolean welcomed;
        try (java.net.Socket socket = maker.make()) {
            socket.setSoTimeout(10_000);
            FrameCodec codec = new FrameCodec(65536);
            codec.write(socket.getOutputStream(), Frames.hello(terminalId));
            Frame answer = codec.read(socket.getInputStream());
            welcomed = answer != null && answer.type() == FrameType.WELCOME;
        } catch (Exception e) {
            welcomed = false; // TLS refused the certificate: the expected outcome
        }
        assertTrue(!welcomed, "no WELCOME for " + terminalId);
        assertNull(adapter.server.session(terminalId));
    }

    private javax.net.ssl.TrustManager[] trustingPlatformCa() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", adapter.pki.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    /** A client with the given key and certificate that trusts the platform's CA, so only the adapter's check can refuse it. */
    private SSLContext clientContext(java.security.PrivateKey key, String certificatePem) throws Exception {
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("rogue", key, "x".toCharArray(), new java.security.cert.Certificate[] {certificate});
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "x".toCharArray());
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), trustingPlatformCa(), new SecureRandom());
        return context;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
