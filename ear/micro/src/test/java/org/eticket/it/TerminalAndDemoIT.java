package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness (database and terminal adapter), and demo data that a restart on the same
 * database never duplicates. The terminal paths are in TerminalConnectorIT.
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
}
