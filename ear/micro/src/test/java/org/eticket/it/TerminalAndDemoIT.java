package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter's first real path (a terminal says hello and is online; it drops and is
 * offline; a bad frame closes only its own connection), readiness, and demo data that a
 * restart on the same database never duplicates.
 */
@ExtendWith(ArquillianExtension.class)
class TerminalAndDemoIT {

    private static final int TERMINAL_PORT = Integer.getInteger("it.terminal.port");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void readinessReportsDatabaseAndAdapter() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.toURI().resolve("/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\":\"up\""), ready.body());
        assertTrue(ready.body().contains("listening on port " + TERMINAL_PORT), ready.body());
    }

    @Test
    void aTerminalThatSaysHelloIsOnlineUntilItDrops() throws Exception {
        Api admin = Api.demo(base, "admin");
        String gate = Api.unique("GATE");
        String kiosk = Api.unique("KIOSK");
        try (Socket gateSocket = hello(gate); Socket kioskSocket = hello(kiosk)) {
            awaitTerminal(admin, gate, t -> t.getBoolean("online"));
            awaitTerminal(admin, kiosk, t -> t.getBoolean("online"));

            // A frame far over the limit closes that connection only, with the reason.
            try (Socket rogue = new Socket("localhost", TERMINAL_PORT)) {
                new DataOutputStream(rogue.getOutputStream()).writeInt(50_000_000);
                DataInputStream in = new DataInputStream(rogue.getInputStream());
                byte[] refusal = new byte[in.readInt()];
                in.readFully(refusal);
                assertEquals((byte) 0xFF, refusal[1], "an ERROR frame");
                assertTrue(new String(refusal, 2, refusal.length - 2, StandardCharsets.UTF_8).contains("exceeds the limit"));
                assertEquals(-1, in.read(), "and the connection is closed");
            }

            gateSocket.close();
            JsonObject offline = awaitTerminal(admin, gate, t -> !t.getBoolean("online"));
            assertTrue(offline.toString().contains("closed"), offline.toString());
            assertTrue(admin.get("api/v1/terminals/" + kiosk).json().getBoolean("online"), "the other terminal stays online");
        }
        Api.Response unknown = admin.get("api/v1/terminals/NO-SUCH-TERMINAL");
        assertEquals(404, unknown.status());
        assertEquals(403, Api.demo(base, "alice").get("api/v1/terminals").status());
    }

    @Test
    void demoDataIsLoadedExactlyOnce() {
        // Every test class starts Payara Micro on the same database, so by now at least one
        // restart has found the demo data in place; each demo record exists exactly once.
        Api admin = Api.demo(base, "admin");
        assertEquals(1, admin.get("api/v1/organizers?q=AURORA").json().getInt("total"));
        assertEquals(1, admin.get("api/v1/venues?q=GRAND-HALL").json().getInt("total"));
        assertEquals(1, admin.get("api/v1/events?q=AURORA-2026").json().getInt("total"));
        assertEquals(1, admin.get("api/v1/stores?q=CORNER-01").json().getInt("total"));
        for (String seller : new String[] {"PLAZA", "CITY", "AURORA-FC"}) {
            assertEquals(1, admin.get("api/v1/sellers?q=" + seller).json().getJsonArray("items").stream()
                    .filter(s -> s.asJsonObject().getString("code").equals(seller)).count(), seller);
        }
        for (String customer : new String[] {"alice@example.com", "bob@example.com", "carol@example.com"}) {
            assertEquals(1, admin.get("api/v1/customers?q=" + customer).json().getInt("total"), customer);
        }
        Api organizer = Api.demo(base, "organizer");
        long event = organizer.get("api/v1/events?q=AURORA-2026").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertEquals(2, SecurityIT.array(organizer.get("api/v1/events/" + event + "/performances").body()).size());
        long layout = organizer.get("api/v1/events/" + event).json().getJsonNumber("layoutId").longValue();
        JsonObject concert = organizer.get("api/v1/layouts/" + layout).json();
        assertEquals(20, concert.getInt("rows"));
        assertEquals(30, concert.getInt("columns"));
        long venue = concert.getJsonNumber("venueId").longValue();
        assertEquals(2, SecurityIT.array(organizer.get("api/v1/venues/" + venue + "/layouts").body()).size(),
                "concert and theatre layouts");
        String types = organizer.get("api/v1/events/" + event + "/seat-types").body();
        assertTrue(types.contains("\"S\"") && types.contains("\"A\"") && types.contains("\"B\""), types);
        assertEquals(10, SecurityIT.array(admin.get("api/v1/accounts").body()).stream()
                .filter(a -> a.asJsonObject().getString("displayName", "").length() > 0
                        && !a.asJsonObject().getString("username").startsWith("rival")).count(), "ten demo logins");
        for (String login : new String[] {"admin", "organizer", "seller1", "seller2", "fanclub", "store", "venue", "alice", "bob", "carol"}) {
            int status = Api.demo(base, login).get("api/v1/events").status();
            assertTrue(status == 200 || status == 403, login + " signs in (" + status + ")");
        }
    }

    private static Socket hello(String terminalId) throws IOException {
        Socket s = new Socket("localhost", TERMINAL_PORT);
        byte[] id = terminalId.getBytes(StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(2 + id.length);
        out.writeByte(1);
        out.writeByte(0x01);
        out.write(id);
        out.flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        int length = in.readInt();
        byte[] answer = new byte[length];
        in.readFully(answer);
        assertEquals((byte) 0x81, answer[1], "WELCOME");
        return s;
    }

    private static JsonObject awaitTerminal(Api admin, String terminalId, Predicate<JsonObject> condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
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
}
