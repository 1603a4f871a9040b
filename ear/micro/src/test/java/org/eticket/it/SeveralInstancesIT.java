package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.derby.jdbc.ClientDataSource;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.ChipTicket;
import org.eticket.connector.terminal.ChipPort;
import org.eticket.connector.terminal.EmulatedChipPort;
import org.eticket.keys.KeyEncryptionKey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two real Payara Micro instances on one database (connector/README.md, "Several instances"):
 * instance A is the one Arquillian starts, and also serves its Derby database over Derby's network
 * server; instance B is started here as a second process on A's database through Derby's client,
 * with the same KEK file and terminal CA. A terminal connects to A; requests for it that arrive at
 * B are relayed to A, signed; a forged relay call to A is refused and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class SeveralInstancesIT {

    private static final String RELAY_PATH = "/internal/terminal-relay";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SecondInstance instanceB;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    private Api admin;
    private Api alice;
    private DemoFixture demo;

    /** B starts while the first test prepares on A: its start (~20-40 s) overlaps with that work. */
    @BeforeAll
    static void startInstanceB() throws IOException {
        instanceB = SecondInstance.start();
    }

    @AfterAll
    static void stopInstanceB() throws InterruptedException {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @BeforeEach
    void setUp() {
        admin = Api.demo(base, "admin");
        alice = Api.demo(base, "alice");
        demo = new DemoFixture(base);
        demo.downloadsWithoutDelay();
    }

    /**
     * An instance that starts on a schema another instance wrote (every restart, every added instance)
     * extends the tables; the constraints already there must not fill its log with the database's
     * refusals (31 stack traces, five sixths of the log, before persistence.xml's log levels).
     */
    @Test
    void anInstanceStartingOnTheSharedSchemaLogsNoRefusedStatements() throws Exception {
        instanceB.awaitReady();
        String log = Files.readString(instanceB.log, StandardCharsets.UTF_8);
        assertFalse(log.contains("EclipseLink-4002"), () -> "B's log holds refused statements, e.g.:\n"
                + log.substring(log.indexOf("EclipseLink-4002"), Math.min(log.length(), log.indexOf("EclipseLink-4002") + 600)));
        assertFalse(log.contains("SEVERE"), "B's log holds no SEVERE message");
    }

    @Test
    void aHomeDownloadRequestedOnInstanceBIsWrittenToTheChipThroughInstanceA() throws Exception {
        long order = demo.buy(0, 1);
        long ticket = demo.ticketOf(order);
        EmulatedChip chip = demo.registeredChip(demo.customer("alice@example.com"));
        EmulatedChipPort reader = new EmulatedChipPort();
        try (TerminalRig home = TerminalRig.start(base, admin, "HOME_READER", null, null, reader)) {
            reader.place(chip.emulator);
            URL b = instanceB.awaitReady();
            JsonObject terminal = TerminalRig.awaitTerminal(Api.demo(b, "admin"), home.terminalId, t -> t.getBoolean("online"));
            String instanceA = terminal.getString("instanceId");
            assertTrue(instanceA.endsWith(":" + TerminalRig.TERMINAL_PORT), "the terminal is connected to A: " + instanceA);

            long start = System.nanoTime();
            Api.Response done = Api.demo(b, "alice").post("api/v1/chip-terminals/" + home.terminalId + "/downloads",
                    "{\"orderId\":" + order + ",\"waitSeconds\":10}");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, done.status(), done.body());
            assertEquals("COMPLETED", done.json().getString("outcome"), done.body());
            assertEquals(chip.uid.toString(), done.json().getString("chipUid"));
            System.out.printf("SeveralInstancesIT: home download on B through A took %d ms%n", millis);

            // The chip itself holds the ticket (read straight from the emulator, not through the platform) ...
            ChipReader direct = new ChipReader(chip.emulator);
            direct.select();
            List<String> onChip = direct.readContent().tickets().stream().map(ChipTicket::ticketId).toList();
            assertEquals(List.of("T" + ticket), onChip);
            // ... the shared database has it issued ...
            assertEquals("ISSUED", ticketState(ticket));
            // ... and a listing requested on B, relayed again, verifies it (timed against the same listing on A).
            long local = System.nanoTime();
            assertEquals(200, alice.get("api/v1/chip-terminals/" + home.terminalId + "/chip?waitSeconds=10").status());
            local = (System.nanoTime() - local) / 1_000_000;
            long relayed = System.nanoTime();
            Api.Response listed = Api.demo(b, "alice").get("api/v1/chip-terminals/" + home.terminalId + "/chip?waitSeconds=10");
            relayed = (System.nanoTime() - relayed) / 1_000_000;
            System.out.printf("SeveralInstancesIT: chip listing on A (local) %d ms, on B (relayed) %d ms%n", local, relayed);
            assertEquals(200, listed.status(), listed.body());
            JsonArray tickets = listed.json().getJsonArray("tickets");
            assertEquals(1, tickets.size(), listed.body());
            assertTrue(tickets.getJsonObject(0).getBoolean("verified"), listed.body());

            // B's own failures are still clear: a relayed request with no card in the reader.
            reader.remove();
            Api.Response noCard = Api.demo(b, "alice").get("api/v1/chip-terminals/" + home.terminalId + "/chip?waitSeconds=1");
            assertEquals(409, noCard.status(), noCard.body());
            assertTrue(noCard.json().getString("message").contains("no card answered"), noCard.body());
        }
    }

    /** A chip blocked on B is blocked on A at once, though A has just read it: A keeps no copy of the chip registry. */
    @Test
    void aChipBlockedOnInstanceBIsBlockedOnInstanceAAtOnce() throws Exception {
        long chipId = demo.registeredChip(demo.customer("alice@example.com")).id;
        Api.Response before = admin.get("api/v1/chips/" + chipId);
        assertEquals("ACTIVE", before.json().getString("state"), before.body());
        Api sellerOnB = Api.demo(instanceB.awaitReady(), "seller1");
        Api.Response blocked = sellerOnB.post("api/v1/chips/" + chipId + "/block", "{\"reason\":\"copy seen at gate 3\"}");
        assertEquals(200, blocked.status(), blocked.body());
        Api.Response after = admin.get("api/v1/chips/" + chipId);
        assertEquals("BLOCKED", after.json().getString("state"), "A reads the registry, not a copy: " + after.body());
    }

    /** A terminal revoked on B is revoked on A at once, though A holds its connection: A keeps no copy of the terminal registry. */
    @Test
    void aTerminalRevokedOnInstanceBIsRevokedOnInstanceAAtOnce() throws Exception {
        try (TerminalRig home = TerminalRig.start(base, admin, "HOME_READER", null, null, new EmulatedChipPort())) {
            String terminalId = home.terminalId;
            JsonObject before = TerminalRig.awaitTerminal(admin, terminalId, t -> t.getBoolean("online"));
            assertFalse(before.getBoolean("revoked"), before.toString());
            Api.Response revoked = Api.demo(instanceB.awaitReady(), "admin").post("api/v1/terminals/" + terminalId
                    + "/revocation", "{\"reason\":\"reader stolen\"}");
            assertEquals(200, revoked.status(), revoked.body());
            Api.Response after = admin.get("api/v1/terminals/" + terminalId);
            assertTrue(after.json().getBoolean("revoked"), "A reads the registry, not a copy: " + after.body());
            assertEquals("reader stolen", after.json().getString("revocationReason"), after.body());
        }
    }

    /** An organizer's change of the sales terms made on A applies to B's next sale, though B has just sold under the old ones. */
    @Test
    void salesTermsChangedOnInstanceAApplyToTheNextSaleOnInstanceB() throws Exception {
        Api aliceOnB = Api.demo(instanceB.awaitReady(), "alice");
        Api organizer = Api.demo(base, "organizer");
        String terms = "api/v1/sales-terms/" + demo.eventId();
        try {
            assertEquals(Duration.ZERO, downloadDelayOf(buyOn(aliceOnB)), "no delay: B now holds these terms");
            Api.Response changed = organizer.put(terms, "{\"downloadDelayMinutes\":90}");
            assertEquals(200, changed.status(), changed.body());
            assertEquals(Duration.ofMinutes(90), downloadDelayOf(buyOn(aliceOnB)), "B sells under the terms set on A");
        } finally {
            assertEquals(200, organizer.put(terms, "{\"downloadDelayMinutes\":0}").status());
        }
    }

    /**
     * A new customer's first purchases on both instances at once: the customer's row serializes
     * opening the points account across instances, so one account is opened, every purchase
     * completes, and the account holds the points of all.
     */
    @Test
    void aNewCustomersFirstPurchasesOnBothInstancesAtOnceOpenOneAccount() throws Exception {
        URL b = instanceB.awaitReady();
        String password = "both-instances-1";
        String buyer = demo.newCustomer("Otto Twoplaces", password);
        long perf = demo.performance(0);
        long plaza = demo.seller(perf, "PLAZA");
        List<String> free = demo.freeSeats(alice, perf, plaza);
        List<String> seats = free.subList(free.size() - 12, free.size()); // clear of the other tests' first free seats
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(seats.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            URL instance = i % 2 == 0 ? base : b;
            String seat = seats.get(i);
            results.add(threads.submit(() -> {
                go.await();
                return Api.as(instance, buyer, password).post("api/v1/purchases", SellingIT.purchase(perf, plaza, List.of(seat),
                        SellingIT.card(SellingIT.APPROVE)));
            }));
        }
        go.countDown();
        long earned = 0;
        for (java.util.concurrent.Future<Api.Response> f : results) {
            Api.Response r = f.get(90, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body());
            earned += r.json().getJsonNumber("pointsEarned").longValue();
        }
        threads.shutdown();
        assertTrue(earned > 0, "card purchases earn points");
        assertEquals(earned, Api.as(b, buyer, password).get("api/v1/wallet").json().getJsonNumber("points").longValue(),
                "one points account, seen from B, holds what every purchase on A and B earned");
        assertEquals(earned, Api.as(base, buyer, password).get("api/v1/wallet").json().getJsonNumber("points").longValue(),
                "and the same from A");
    }

    /** Alice buys one free seat of Ticket Plaza for the first AURORA performance through {@code api}. */
    private JsonObject buyOn(Api api) {
        long perf = demo.performance(0);
        long plaza = demo.seller(perf, "PLAZA");
        String seat = demo.freeSeats(alice, perf, plaza).get(0);
        Api.Response paid = api.post("api/v1/purchases", SellingIT.purchase(perf, plaza, List.of(seat),
                SellingIT.card(SellingIT.APPROVE)));
        assertEquals(201, paid.status(), paid.body());
        return paid.json();
    }

    private static Duration downloadDelayOf(JsonObject order) {
        return Duration.between(Instant.parse(order.getString("orderedAt")), Instant.parse(order.getString("downloadOpensAt")));
    }

    @Test
    void aSlowOrOfflineTerminalGivesAClearConflictOnInstanceB() throws Exception {
        String terminalId;
        try (TerminalRig home = TerminalRig.start(base, admin, "HOME_READER", null, null, new SlowPort())) {
            terminalId = home.terminalId;
            String instanceA = TerminalRig.awaitTerminal(admin, terminalId, t -> t.getBoolean("online")).getString("instanceId");
            URL b = instanceB.awaitReady();
            Api.Response slow = Api.demo(b, "admin").post("api/v1/terminals/" + terminalId + "/apdu",
                    "{\"apdu\":\"00A4040000\",\"timeoutMillis\":300}");
            assertEquals(409, slow.status(), slow.body());
            assertEquals("terminal " + terminalId + " did not answer within 300 ms (on instance " + instanceA + ")",
                    slow.json().getString("message"), slow.body());
        }
        TerminalRig.awaitTerminal(admin, terminalId, t -> !t.getBoolean("online"));
        URL b = instanceB.awaitReady();
        Api.Response raw = Api.demo(b, "admin").post("api/v1/terminals/" + terminalId + "/apdu", "{\"apdu\":\"00A4040000\"}");
        assertEquals(409, raw.status(), raw.body());
        assertEquals("terminal " + terminalId + " is offline", raw.json().getString("message"), raw.body());
        // A ticket flow on B says the same in its own words: no card answered, try again.
        Api.Response flow = Api.demo(b, "alice").get("api/v1/chip-terminals/" + terminalId + "/chip?waitSeconds=1");
        assertEquals(409, flow.status(), flow.body());
        assertTrue(flow.json().getString("message").contains("no card answered on terminal " + terminalId), flow.body());
    }

    @Test
    void aRelayCallToInstanceAWithoutTheRightSignatureIsRefusedAndChangesNothing() throws Exception {
        EmulatedChipPort reader = new EmulatedChipPort();
        try (TerminalRig home = TerminalRig.start(base, admin, "HOME_READER", null, null, reader)) {
            String instanceA = TerminalRig.awaitTerminal(admin, home.terminalId, t -> t.getBoolean("online")).getString("instanceId");
            byte[] realKey = KeyEncryptionKey.loadOrCreate(SecondInstance.DATA.resolve("eticket.kek"), new SecureRandom())
                    .derive("instance-relay/v1", 32);
            byte[] forgedKey = new byte[32];
            new SecureRandom().nextBytes(forgedKey);
            long now = System.currentTimeMillis();

            assertEquals(401, relay(home, instanceA, "UNSIGNED", null, now, "n-" + now).statusCode(), "no signature");
            assertEquals(401, relay(home, instanceA, "FORGED", forgedKey, now, "f-" + now).statusCode(), "another key");
            assertEquals(403, relay(home, instanceA, "STALE", realKey, now - 31_000, "s-" + now).statusCode(), "31 s old");
            assertEquals(403, relay(home, "some-other-instance", "ELSEWHERE", realKey, now, "e-" + now).statusCode(),
                    "signed for another instance");
            assertTrue(home.devices.history().stream().noneMatch(l -> l.contains("UNSIGNED") || l.contains("FORGED")
                    || l.contains("STALE") || l.contains("ELSEWHERE")), () -> "nothing reached the terminal: " + home.devices.history());

            // The same call signed with the platform's key is carried out, once: a replay is refused.
            HttpResponse<String> signed = relay(home, instanceA, "SIGNED", realKey, now, "ok-" + now);
            assertEquals(200, signed.statusCode(), signed.body());
            assertTrue(signed.body().contains("\"outcome\":\"OK\""), signed.body());
            assertEquals(403, relay(home, instanceA, "SIGNED", realKey, now, "ok-" + now).statusCode(), "replayed");
            assertEquals(1, home.devices.history().stream().filter(l -> l.contains("SIGNED")).count(), home.devices.history().toString());
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** A reader whose chip answers only after 1.5 s: the terminal stays connected but misses short timeouts. */
    private static final class SlowPort implements ChipPort {
        @Override
        public Optional<byte[]> awaitChip(long millis) throws IOException {
            return Optional.empty(); // no chip events: the test drives the reader through APDUs only
        }

        @Override
        public boolean awaitRemoval(long millis) {
            return true;
        }

        @Override
        public byte[] transmit(byte[] commandApdu) throws IOException {
            try {
                Thread.sleep(1500); // the slowness under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            return new byte[] {0x6F, 0x00};
        }
    }

    /** A relay call straight to A's endpoint: a display command, signed with {@code key} (null: unsigned). */
    private HttpResponse<String> relay(TerminalRig home, String to, String text, byte[] key, long time, String nonce)
            throws Exception {
        byte[] body = ("{\"kind\":\"COMMAND\",\"command\":{\"kind\":\"DISPLAY\",\"text\":\"" + text + "\",\"large\":false},"
                + "\"terminalId\":\"" + home.terminalId + "\",\"timeoutMillis\":5000}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TerminalRig.center(base) + RELAY_PATH.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Eticket-Relay-From", "test")
                .header("X-Eticket-Relay-To", to)
                .header("X-Eticket-Relay-Time", Long.toString(time))
                .header("X-Eticket-Relay-Nonce", nonce)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-Eticket-Relay-Signature", mac(key, "request", "test", to, Long.toString(time), nonce, "POST",
                    RELAY_PATH, body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The relay MAC as connector/README.md specifies it, computed independently of the platform's code. */
    private static String mac(byte[] key, Object... fields) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (Object f : fields) {
            byte[] bytes = f instanceof byte[] b ? b : f.toString().getBytes(StandardCharsets.UTF_8);
            hmac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            hmac.update(bytes);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal());
    }

    /** The ticket's state in the shared database, read over A's Derby network server. */
    private static String ticketState(long ticketId) throws Exception {
        ClientDataSource ds = new ClientDataSource();
        ds.setServerName("127.0.0.1");
        ds.setPortNumber(SecondInstance.DERBY_PORT);
        ds.setDatabaseName(SecondInstance.DATA.resolve("db").toString());
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("select STATE from TICKET where ID = ?")) {
            s.setLong(1, ticketId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "ticket " + ticketId + " in the database");
                return rs.getString(1);
            }
        }
    }

    /**
     * Instance B: the same Payara Micro bundle in a process of its own, on A's database through
     * Derby's client, with A's KEK file and terminal CA, its own HTTP and terminal ports and
     * runtime directory. Stopped after the class, also when a test failed, and by a shutdown
     * hook if the test JVM ends first.
     */
    private static final class SecondInstance implements AutoCloseable {

        static final Path DATA = Path.of(System.getProperty("it.data")).toAbsolutePath();
        static final int DERBY_PORT = Integer.getInteger("it.derby.port");
        private static final Duration START_LIMIT = Duration.ofSeconds(180);

        private final Process process;
        private final Path log;
        private final URL url;
        private final Instant started = Instant.now();
        private final Thread hook;
        private boolean ready;

        private SecondInstance(Process process, Path log, URL url) {
            this.process = process;
            this.log = log;
            this.url = url;
            this.hook = new Thread(this::kill);
            Runtime.getRuntime().addShutdownHook(hook);
        }

        static SecondInstance start() throws IOException {
            Path dir = DATA.resolve("instance-b");
            Files.createDirectories(dir.resolve("runtime"));
            int httpPort = freePort();
            int terminalPort = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
                    "-Deticket.db=" + DATA.resolve("db"),
                    "-Deticket.db.class=org.apache.derby.jdbc.ClientDataSource",
                    "-Deticket.db.server=127.0.0.1",
                    "-Deticket.db.port=" + DERBY_PORT,
                    "-Deticket.keys.kek-file=" + DATA.resolve("eticket.kek"),
                    "-Deticket.terminal.pki=" + DATA.resolve("terminal-pki"),
                    "-Deticket.terminal.port=" + terminalPort,
                    "-Dderby.stream.error.file=" + dir.resolve("derby.log"),
                    "-jar", System.getProperty("payara.microJar"),
                    "--nocluster", "--port", Integer.toString(httpPort), "--rootdir", dir.resolve("runtime").toString(),
                    "--postbootcommandfile", System.getProperty("it.postboot"),
                    "--deploy", System.getProperty("it.war")));
            Path log = dir.resolve("server.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new SecondInstance(p, log, new URL("http://localhost:" + httpPort + "/eticket/"));
        }

        /** B's base URL once its API answers; fails with the end of B's log if it stopped or took too long. */
        synchronized URL awaitReady() throws IOException, InterruptedException {
            if (ready) {
                return url;
            }
            Api probe = Api.demo(url, "admin");
            Instant until = started.plus(START_LIMIT);
            while (Instant.now().isBefore(until)) {
                if (!process.isAlive()) {
                    throw new AssertionError("instance B stopped during start-up:\n" + tail());
                }
                try {
                    if (probe.get("api/v1/terminals").status() == 200) {
                        ready = true;
                        System.out.printf("SeveralInstancesIT: instance B ready %d s after its start%n",
                                Duration.between(started, Instant.now()).toSeconds());
                        return url;
                    }
                } catch (java.io.UncheckedIOException notYetListening) {
                    // polling: a starting server gives no event to wait on
                }
                Thread.sleep(500);
            }
            throw new AssertionError("instance B not ready after " + START_LIMIT.toSeconds() + " s:\n" + tail());
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        private void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertFalse(process.isAlive(), "instance B stopped");
            Runtime.getRuntime().removeShutdownHook(hook);
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
