package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The masters (C1-C5) through the REST API on a real Payara Micro with Derby: what an
 * organizer and the platform admin do, and every bad input refused with a clear message
 * and no change.
 */
@ExtendWith(ArquillianExtension.class)
class MastersApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void organizerMasterCrudSearchAndPaging() {
        Api admin = Api.demo(base, "admin");
        String code = Api.unique("ORG");
        Api.Response created = admin.post("api/v1/organizers",
                "{\"code\":\"" + code + "\",\"name\":\"Harbour Events\",\"address\":\"Pier 4\",\"email\":\"x@harbour.example\"}");
        assertEquals(201, created.status(), created.body());
        long id = created.id();
        assertEquals("Harbour Events", admin.get("api/v1/organizers/" + id).json().getString("name"));

        Api.Response updated = admin.put("api/v1/organizers/" + id,
                "{\"code\":\"" + code + "\",\"name\":\"Harbour Events Ltd\"}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Harbour Events Ltd", updated.json().getString("name"));

        JsonObject page = admin.get("api/v1/organizers?q=" + code.toLowerCase() + "&page=0&size=1").json();
        assertEquals(1, page.getInt("total"));
        assertEquals(code, page.getJsonArray("items").getJsonObject(0).getString("code"));
        assertEquals(400, admin.get("api/v1/organizers?size=0").status(), "page size 0 is refused");

        Api.Response duplicate = admin.post("api/v1/organizers", "{\"code\":\"" + code + "\",\"name\":\"Copy\"}");
        assertEquals(409, duplicate.status());
        assertTrue(duplicate.message().contains("already taken"), duplicate.message());

        Api.Response missingName = admin.post("api/v1/organizers", "{\"code\":\"" + Api.unique("X") + "\"}");
        assertEquals(400, missingName.status());
        assertEquals("name is required", missingName.message());

        assertEquals(400, admin.post("api/v1/organizers", "{not json").status());
        assertEquals(204, admin.delete("api/v1/organizers/" + id).status());
        Api.Response gone = admin.get("api/v1/organizers/" + id);
        assertEquals(404, gone.status());
        assertTrue(gone.message().contains("does not exist"), gone.message());
    }

    @Test
    void layoutsRangesSeatTypesAndSeries() {
        Api organizer = Api.demo(base, "organizer");
        long venue = organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("V") + "\",\"name\":\"Test Hall\"}").id();

        // A layout of 8 rows x 7 columns with an aisle: the Fig 31 seats only.
        Api.Response layout = organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Fig 31\",\"rows\":8,\"columns\":7,\"seatRanges\":\"B1:F1, A2:G7, B8:F8\"}");
        assertEquals(201, layout.status(), layout.body());
        long layoutId = layout.id();
        assertEquals(52, layout.json().getInt("seatCount"));
        assertEquals("B1:F1, A2:G7, B8:F8", layout.json().getString("seatRanges"));

        Api.Response malformed = organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Bad\",\"rows\":8,\"columns\":7,\"seatRanges\":\"A1-B2\"}");
        assertEquals(400, malformed.status());
        assertTrue(malformed.message().contains("A1-B2"), malformed.message());
        Api.Response offLayout = organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Bad\",\"rows\":8,\"columns\":7,\"seatRanges\":\"A1:H9\"}");
        assertEquals(400, offLayout.status());
        assertTrue(offLayout.message().contains("outside"), offLayout.message());
        assertEquals(1, organizer.get("api/v1/venues/" + venue + "/layouts").body().split("\"id\"").length - 1,
                "refused layouts were not stored");

        Api.Response wheelchair = organizer.put("api/v1/layouts/" + layoutId + "/attributes/wheelchair", "{\"ranges\":\"B8:C8\"}");
        assertEquals(200, wheelchair.status(), wheelchair.body());
        Api.Response aisle = organizer.put("api/v1/layouts/" + layoutId + "/attributes/wheelchair", "{\"ranges\":\"A1\"}");
        assertEquals(400, aisle.status(), "A1 is an aisle on this layout");
        assertTrue(aisle.message().contains("not seats"), aisle.message());

        String eventCode = Api.unique("EV");
        Api.Response event = organizer.post("api/v1/events",
                "{\"code\":\"" + eventCode + "\",\"name\":\"Spring Gala\",\"performers\":\"Quartet\",\"layoutId\":" + layoutId + "}");
        assertEquals(201, event.status(), event.body());
        long eventId = event.id();

        Api.Response first = organizer.post("api/v1/events/" + eventId + "/performances",
                "{\"date\":\"2027-03-01\",\"openingTime\":\"18:00:00\",\"startTime\":\"19:00:00\",\"gates\":\"East, West\"}");
        assertEquals(201, first.status(), first.body());
        Api.Response series = organizer.post("api/v1/events/" + eventId + "/performances/series",
                "{\"dates\":[\"2027-03-02\",\"2027-03-03\",\"2027-03-04\"]}");
        assertEquals(201, series.status(), series.body());
        JsonArray performances = SecurityIT.array(organizer.get("api/v1/events/" + eventId + "/performances").body());
        assertEquals(4, performances.size());
        for (int i = 1; i < 4; i++) {
            JsonObject p = performances.getJsonObject(i);
            assertTrue(p.getString("startTime").startsWith("19:00"), "series copies the start time: " + p);
            assertTrue(p.getString("openingTime").startsWith("18:00"), "series copies the opening time: " + p);
            assertEquals("East,West", p.getString("gates"));
        }
        assertEquals(409, organizer.post("api/v1/events/" + eventId + "/performances/series",
                "{\"dates\":[\"2027-03-02\"]}").status(), "the same date and time twice is a conflict");

        assertEquals(201, organizer.post("api/v1/events/" + eventId + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":12000,\"currency\":\"JPY\",\"colour\":\"#d62728\"}").status());
        assertEquals(201, organizer.post("api/v1/events/" + eventId + "/seat-types",
                "{\"code\":\"A\",\"name\":\"A seat\",\"price\":8000,\"currency\":\"JPY\",\"colour\":\"#1f77b4\"}").status());
        Api.Response badColour = organizer.post("api/v1/events/" + eventId + "/seat-types",
                "{\"code\":\"B\",\"name\":\"B seat\",\"price\":5000,\"colour\":\"blue\"}");
        assertEquals(400, badColour.status());

        Api.Response s = organizer.put("api/v1/events/" + eventId + "/seat-types/S/ranges", "{\"ranges\":\"B1:F1, A2:G3\"}");
        assertEquals(200, s.status(), s.body());
        assertEquals(19, s.json().getInt("seatCount"));
        Api.Response overlap = organizer.put("api/v1/events/" + eventId + "/seat-types/A/ranges", "{\"ranges\":\"A3:G7\"}");
        assertEquals(409, overlap.status());
        assertTrue(overlap.message().contains("overlap at A3:G3"), overlap.message());
        assertEquals(0, organizer.get("api/v1/events/" + eventId + "/seat-types/A").json().getInt("seatCount"),
                "a refused assignment changes nothing");
        assertEquals(200, organizer.put("api/v1/events/" + eventId + "/seat-types/A/ranges", "{\"ranges\":\"A4:G7, B8:F8\"}").status());

        Api.Response frozen = organizer.put("api/v1/layouts/" + layoutId, "{\"name\":\"Fig 31\",\"rows\":9,\"columns\":7}");
        assertEquals(409, frozen.status(), "a layout in use keeps its seats");
    }

    @Test
    void layoutCsvImportReportsEveryBadLineAndImportsNothing() {
        Api organizer = Api.demo(base, "organizer");
        long venue = organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("CSV") + "\",\"name\":\"CSV Hall\"}").id();
        String bad = "row,column,seatType,attributes\n1,A,S,\n1,B,S,wheelchair\nx,C,S,\n2,A,,\n1,A,A,\n";
        Api.Response refused = organizer.postText("api/v1/venues/" + venue + "/layouts/import?name=Drawn", bad);
        assertEquals(400, refused.status(), refused.body());
        String message = refused.message();
        assertTrue(message.contains("line 4") && message.contains("line 5") && message.contains("line 6"), message);
        assertEquals("[]", organizer.get("api/v1/venues/" + venue + "/layouts").body().replaceAll("\\s", ""),
                "nothing imported when any line is bad");

        String good = "row,column,seatType,attributes\n1,A,S,\n1,B,S,wheelchair\n2,A,A,\n2,B,A,\n2,C,A,aisle|wheelchair\n";
        Api.Response imported = organizer.postText("api/v1/venues/" + venue + "/layouts/import?name=Drawn", good);
        assertEquals(201, imported.status(), imported.body());
        assertEquals(5, imported.json().getInt("seatCount"));
        assertEquals(2, imported.json().getInt("rows"));
        assertEquals(3, imported.json().getInt("columns"));
        String marks = organizer.get("api/v1/layouts/" + imported.id() + "/marks").body();
        assertTrue(marks.contains("wheelchair") && marks.contains("B1") && marks.contains("C2"), marks);
    }

    @Test
    void sellersAuthorizationsAndQuotas() {
        Api admin = Api.demo(base, "admin");
        Api organizer = Api.demo(base, "organizer");
        Api.Response seller = admin.post("api/v1/sellers",
                "{\"code\":\"" + Api.unique("SEL") + "\",\"name\":\"Night Owl Tickets\",\"kind\":\"AGENT\"}");
        assertEquals(201, seller.status(), seller.body());
        long sellerId = seller.id();

        long event = organizer.get("api/v1/events?q=AURORA-2026").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        Api.Response badQuota = organizer.post("api/v1/events/" + event + "/authorizations",
                "{\"sellerId\":" + sellerId + ",\"quota\":\"150%\"}");
        assertEquals(400, badQuota.status());
        Api.Response all = organizer.post("api/v1/events/" + event + "/authorizations",
                "{\"sellerId\":" + sellerId + ",\"quota\":\"12.5%\"}");
        assertEquals(201, all.status(), all.body());
        String auths = organizer.get("api/v1/authorizations?size=100").body();
        assertTrue(auths.contains("\"12.5%\""), auths);
        assertTrue(auths.contains("\"limit\":75"), "12.5% of 600 seats is 75: " + auths);

        long performance = SecurityIT.array(organizer.get("api/v1/events/" + event + "/performances").body())
                .getJsonObject(0).getJsonNumber("id").longValue();
        Api.Response twice = organizer.post("api/v1/authorizations",
                "{\"performanceId\":" + performance + ",\"sellerId\":" + sellerId + ",\"quota\":\"10\"}");
        assertEquals(409, twice.status(), "one authorization per seller and performance");
    }

    @Test
    void bodyNumbersOutOfRangeOfTheirFieldAreRefusedAndChangeNothing() {
        Api organizer = Api.demo(base, "organizer");
        long venue = organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("NUM") + "\",\"name\":\"Number Hall\"}").id();
        // 4294967304 is 2^32 + 8: read into an int as it was, it made a layout of 8 rows.
        Api.Response rows = organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Wide\",\"rows\":4294967304,\"columns\":7,\"seatRanges\":\"A1:G8\"}");
        assertApiError(400, rows);
        assertEquals("rows must be a whole number from -2147483648 to 2147483647, was 4294967304", rows.message());
        assertEquals("[]", organizer.get("api/v1/venues/" + venue + "/layouts").body().replaceAll("\\s", ""),
                "no layout stored");

        Api alice = Api.demo(base, "alice");
        DemoFixture demo = new DemoFixture(base);
        long perf = demo.performance(0);
        long plaza = demo.seller(perf, "PLAZA");
        List<String> free = demo.freeSeats(alice, perf, plaza);
        String hold = "{\"performanceId\":" + perf + ",\"sellerId\":" + plaza + ",\"seatType\":\"A\",";
        Api.Response quantity = alice.post("api/v1/holds", hold + "\"quantity\":4294967298}");
        assertApiError(400, quantity);
        assertEquals("quantity must be a whole number from -2147483648 to 2147483647, was 4294967298", quantity.message());
        Api.Response seconds = alice.post("api/v1/holds", hold + "\"quantity\":1,\"holdSeconds\":4294967306}");
        assertApiError(400, seconds);
        assertTrue(seconds.message().startsWith("holdSeconds must be a whole number"), seconds.message());
        // A field of a record inside the body: the payment of a purchase.
        Api.Response month = alice.post("api/v1/purchases", hold + "\"quantity\":1,\"payment\":{\"method\":\"CARD\","
                + "\"cardNumber\":\"4111111111111111\",\"expiryMonth\":4294967308,\"expiryYear\":2030,\"cvc\":\"123\"}}");
        assertApiError(400, month);
        assertEquals("expiryMonth must be a whole number from -2147483648 to 2147483647, was 4294967308", month.message());
        assertEquals(free, demo.freeSeats(alice, perf, plaza), "no seat held or sold");
    }

    @Test
    void fractionalOrTooLargeAmountsAreRefused() {
        Api organizer = Api.demo(base, "organizer");
        long venue = organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("FR") + "\",\"name\":\"Fraction Hall\"}").id();
        long layout = organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Small\",\"rows\":2,\"columns\":2,\"seatRanges\":\"A1:B2\"}").id();
        long event = organizer.post("api/v1/events", "{\"code\":\"" + Api.unique("FR") + "\",\"name\":\"Fractions\",\"layoutId\":"
                + layout + "}").id();
        Api.Response price = organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":12000.5,\"currency\":\"JPY\",\"colour\":\"#d62728\"}");
        assertApiError(400, price);
        assertEquals("price must be a whole number from -9223372036854775808 to 9223372036854775807, was 12000.5",
                price.message());
        assertEquals(404, organizer.get("api/v1/events/" + event + "/seat-types/S").status(), "no seat type stored");
        assertEquals(201, organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":12000.0,\"currency\":\"JPY\",\"colour\":\"#d62728\"}").status(),
                "a whole number written with a zero fraction is still that number");
        assertEquals(12000, organizer.get("api/v1/events/" + event + "/seat-types/S").json().getInt("price"));

        Api alice = Api.demo(base, "alice");
        long eMoney = alice.get("api/v1/wallet").json().getJsonNumber("eMoney").longValue();
        String card = "\"cardNumber\":\"4111111111111111\",\"expiryMonth\":12,\"expiryYear\":2030,\"cvc\":\"123\"}";
        Api.Response fraction = alice.post("api/v1/wallet/top-ups", "{\"amount\":1.5," + card);
        assertApiError(400, fraction);
        assertEquals("amount must be a whole number from -9223372036854775808 to 9223372036854775807, was 1.5",
                fraction.message());
        Api.Response beyondLong = alice.post("api/v1/wallet/top-ups", "{\"amount\":9223372036854775808," + card);
        assertApiError(400, beyondLong);
        assertTrue(beyondLong.message().startsWith("amount must be a whole number"), beyondLong.message());
        assertEquals(eMoney, alice.get("api/v1/wallet").json().getJsonNumber("eMoney").longValue(), "nothing topped up");
    }

    @Test
    void aBodyOfAnotherMediaTypeAnswers415InTheApiShape() throws Exception {
        Api organizer = Api.demo(base, "organizer");
        String code = Api.unique("MT");
        String body = "{\"code\":\"" + code + "\",\"name\":\"Media Hall\"}";
        Api.Response text = organizer.postJson("api/v1/venues", body, "text/plain");
        assertApiError(415, text);
        // Not a media type at all: Jersey gave up before any mapper ran and Payara answered with an HTML page.
        Api.Response noSubtype = organizer.postJson("api/v1/venues", body, "text");
        assertApiError(415, noSubtype);
        assertTrue(noSubtype.message().contains("\"text\""), noSubtype.message());
        assertApiError(415, organizer.postJson("api/v1/venues", body, "application/json, text/plain"));
        assertApiError(415, organizer.postJson("api/v1/venues", body, "json"));
        // A quality Jersey cannot read: a 500 with Payara's page and the parser's exception before.
        assertApiError(415, organizer.postJson("api/v1/venues", body, "application/json;q=2"));
        assertApiError(415, organizer.postJson("api/v1/venues", body, "application/json;q=x"));
        // ... and in Accept, Payara's HTML 400.
        Api.Response accept = withHeaders("api/v1/venues", "Accept", "application/json;q=x");
        assertApiError(400, accept);
        assertTrue(accept.message().contains("application/json;q=x"), accept.message());
        assertEquals(200, withHeaders("api/v1/venues", "Accept", "text/html, application/json;q=0.9, */*;q=0.8").status());

        // No Content-Type: a body is not taken for JSON (415), and no body at all is "a JSON request body is required".
        assertApiError(415, withoutContentType("api/v1/venues", body));
        Api.Response empty = withoutContentType("api/v1/venues", "");
        assertApiError(400, empty);
        assertEquals("a JSON request body is required", empty.message());
        assertEquals(0, organizer.get("api/v1/venues?q=" + code).json().getInt("total"), "no venue stored");
        assertEquals(201, organizer.postJson("api/v1/venues", body, "application/json; charset=UTF-8").status());
    }

    /** A POST as the organizer whose body has no Content-Type (the API client always sends one). */
    private Api.Response withoutContentType(String path, String body) throws Exception {
        String token = Base64.getEncoder().encodeToString("organizer:demo-organizer".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.toURI().resolve(path)).header("Authorization", "Basic " + token)
                        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Api.Response(r.statusCode(), r.body());
    }

    /** A GET as the organizer with one header set as given. */
    private Api.Response withHeaders(String path, String name, String value) throws Exception {
        String token = Base64.getEncoder().encodeToString("organizer:demo-organizer".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.toURI().resolve(path)).header("Authorization", "Basic " + token)
                        .header(name, value).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(r.statusCode(), r.body());
    }

    /** The API's error shape, not the server's HTML page. */
    private static void assertApiError(int status, Api.Response r) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.body().startsWith("{"), "a JSON error: " + r.body());
        assertEquals(status, r.json().getInt("status"), r.body());
        assertFalse(r.message().isBlank(), r.body());
    }

    @Test
    void openApiDocumentListsTheApi() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/openapi")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/api/v1/organizers") || r.body().contains("/organizers"), r.body());
        assertTrue(r.body().contains("seat-types"), "every master is documented");
    }
}
