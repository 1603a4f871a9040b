package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Logins, roles and ownership: each role reaches only its own data, and each refusal says why. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void apiNeedsALoginAndTheRightRole() {
        Api.Response anonymous = Api.anonymous(base).get("api/v1/events");
        assertEquals(401, anonymous.status());
        Api.Response wrong = Api.as(base, "organizer", "not-the-password").get("api/v1/events");
        assertEquals(401, wrong.status());
        assertEquals("wrong username or password", wrong.message());

        Api.Response customerCreates = Api.demo(base, "alice").post("api/v1/organizers", "{\"code\":\"NOPE\",\"name\":\"Nope\"}");
        assertEquals(403, customerCreates.status(), customerCreates.body());
        Api.Response sellerCreatesEvent = Api.demo(base, "seller1").post("api/v1/events", "{\"code\":\"NOPE\",\"name\":\"Nope\"}");
        assertEquals(403, sellerCreatesEvent.status());
        assertEquals(403, Api.demo(base, "organizer").post("api/v1/sellers", "{\"code\":\"NOPE\",\"name\":\"N\"}").status(),
                "only the platform registers sellers");
    }

    @Test
    void anOrganizerReachesOnlyItsOwnEventsAndLayouts() {
        Api admin = Api.demo(base, "admin");
        Api aurora = Api.demo(base, "organizer");
        String code = Api.unique("RIVAL");
        long rival = admin.post("api/v1/organizers", "{\"code\":\"" + code + "\",\"name\":\"Rival Promotions\"}").id();
        String username = code.toLowerCase();
        Api.Response account = admin.post("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"rival-secret-1\","
                + "\"role\":\"organizer\",\"partyId\":" + rival + "}");
        assertEquals(201, account.status(), account.body());
        assertFalse(account.body().contains("rival-secret-1") || account.body().toLowerCase().contains("hash"), account.body());
        Api rivalApi = Api.as(base, username, "rival-secret-1");

        long auroraEvent = aurora.get("api/v1/events?q=AURORA-2026").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        Api.Response foreign = rivalApi.get("api/v1/events/" + auroraEvent);
        assertEquals(403, foreign.status());
        assertTrue(foreign.message().contains("belongs to another organizer"), foreign.message());
        assertEquals(403, rivalApi.put("api/v1/events/" + auroraEvent, "{\"code\":\"AURORA-2026\",\"name\":\"Hijack\"}").status());
        assertEquals(403, rivalApi.delete("api/v1/events/" + auroraEvent).status());
        assertEquals("Aurora Winter Tour 2026", aurora.get("api/v1/events/" + auroraEvent).json().getString("name"),
                "refused changes changed nothing");
        assertEquals(0, rivalApi.get("api/v1/events?q=AURORA").json().getInt("total"), "search shows only its own events");
        assertEquals(403, rivalApi.get("api/v1/organizers/" + aurora.get("api/v1/organizers").json().getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue()).status());

        long layout = aurora.get("api/v1/events/" + auroraEvent).json().getJsonNumber("layoutId").longValue();
        Api.Response layoutRead = rivalApi.get("api/v1/layouts/" + layout);
        assertEquals(403, layoutRead.status());
        Api.Response layoutWrite = rivalApi.put("api/v1/layouts/" + layout + "/attributes/wheelchair", "{\"ranges\":\"A1\"}");
        assertEquals(403, layoutWrite.status());
        assertEquals(403, rivalApi.get("api/v1/authorizations/" + firstAuthorization(aurora)).status());
    }

    @Test
    void aSellerSeesOnlyItsOwnAuthorizations() {
        Api plaza = Api.demo(base, "seller1");
        JsonArray own = plaza.get("api/v1/authorizations?size=100").json().getJsonArray("items");
        assertEquals(2, own.size(), "Ticket Plaza is authorized for the two demo performances");
        own.forEach(a -> assertEquals("PLAZA", a.asJsonObject().getString("sellerCode"), a.toString()));

        Api city = Api.demo(base, "seller2");
        long plazaAuthorization = own.getJsonObject(0).getJsonNumber("id").longValue();
        Api.Response foreign = city.get("api/v1/authorizations/" + plazaAuthorization);
        assertEquals(403, foreign.status());
        assertTrue(foreign.message().contains("another seller"), foreign.message());
        assertEquals(403, plaza.put("api/v1/authorizations/" + plazaAuthorization, "{\"quota\":\"600\"}").status(),
                "a seller cannot raise its own quota");
        assertEquals(403, plaza.delete("api/v1/authorizations/" + plazaAuthorization).status());
        assertEquals("200", plaza.get("api/v1/authorizations/" + plazaAuthorization).json().getString("quota"));
    }

    @Test
    void aCustomerSeesOnlyTheirOwnRecord() {
        Api admin = Api.demo(base, "admin");
        JsonArray customers = admin.get("api/v1/customers?size=100").json().getJsonArray("items");
        long alice = idOf(customers, "alice@example.com");
        long bob = idOf(customers, "bob@example.com");
        assertEquals(200, Api.demo(base, "alice").get("api/v1/customers/" + alice).status());
        Api.Response other = Api.demo(base, "alice").get("api/v1/customers/" + bob);
        assertEquals(403, other.status());
        assertTrue(other.message().contains("another customer"), other.message());
        assertEquals(403, Api.demo(base, "alice").get("api/v1/customers").status(), "customers cannot list customers");
    }

    @Test
    void repeatedFailedLoginsAreThrottledPerAccount() {
        // The test server locks for 2 s after 5 failures (eticket.login.lock-seconds in arquillian.xml).
        Api wrong = Api.as(base, "carol", "guess");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, wrong.get("api/v1/customers/1").status());
        }
        Api.Response locked = Api.demo(base, "carol").get("api/v1/events");
        assertEquals(429, locked.status(), "even the right password waits while the account is locked");
        assertTrue(locked.message().contains("too many failed logins"), locked.message());
        assertEquals(403, Api.demo(base, "bob").get("api/v1/events").status(), "other accounts are not locked");

        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            status = Api.demo(base, "carol").get("api/v1/customers?size=1").status();
        } while (status == 429 && Instant.now().isBefore(until));
        assertEquals(403, status, "after the lock the right password signs in again (and carol may not list customers)");
    }

    @Test
    void screensNeedTheLoginPage() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> home = client.send(HttpRequest.newBuilder(base.toURI().resolve("app/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, home.statusCode());
        assertTrue(home.headers().firstValue("Location").orElse("").contains("/login.xhtml"), home.headers().toString());
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.toURI().resolve("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("Sign in"), login.body());
    }

    private static long firstAuthorization(Api organizer) {
        return organizer.get("api/v1/authorizations?size=1").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }

    private static long idOf(JsonArray customers, String email) {
        return customers.stream().map(v -> v.asJsonObject()).filter(c -> c.getString("email").equals(email))
                .findFirst().orElseThrow(() -> new AssertionError(email + " missing from " + customers))
                .getJsonNumber("id").longValue();
    }

    static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }
}
