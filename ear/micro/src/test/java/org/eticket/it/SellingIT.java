package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Selling end to end on the real server, its Derby and a real SMTP server (GreenMail): every
 * payment outcome, hold expiry, the download notice and its window, the seller API, the
 * sales journal's scopes, and 64 buyers competing for 100 seats.
 */
@ExtendWith(ArquillianExtension.class)
class SellingIT {

    static final String APPROVE = "4111111111111111";
    static final String DECLINE = "4000000000000002";
    static final String INSUFFICIENT = "4000000000009995";
    static final String TIMEOUT = "4000000000000119";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Api.platformWar();
    }

    @ArquillianResource
    URL base;

    private DemoFixture demo;

    @BeforeEach
    void setUp() {
        demo = new DemoFixture(base);
    }

    // ---- helpers -------------------------------------------------------------------------

    static String card(String number) {
        return "{\"method\":\"CARD\",\"cardNumber\":\"" + number + "\",\"expiryMonth\":12,\"expiryYear\":2030,"
                + "\"cvc\":\"123\",\"cardHolder\":\"TEST\"}";
    }

    static String seats(List<String> seats) {
        return "[" + String.join(",", seats.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }

    static String purchase(long performance, long seller, List<String> seats, String payment) {
        return "{\"performanceId\":" + performance + ",\"sellerId\":" + seller + ",\"seats\":" + seats(seats)
                + ",\"payment\":" + payment + "}";
    }

    Map<String, Boolean> availability(long performance, long seller) {
        Map<String, Boolean> m = new HashMap<>();
        SecurityIT.array(Api.demo(base, "alice").get("api/v1/shop/performances/" + performance + "/seats?sellerId=" + seller)
                .body()).forEach(v -> m.put(v.asJsonObject().getString("seat"), v.asJsonObject().getBoolean("available")));
        return m;
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(40), condition);
    }

    static void await(String what, Duration bound, BooleanSupplier condition) {
        Instant until = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(200); // polling a server-side timer, bounded above
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    MimeMessage mailFor(String orderNumber) {
        return mailFor(orderNumber, Duration.ofSeconds(40));
    }

    MimeMessage mailFor(String orderNumber, Duration bound) {
        MimeMessage[] found = new MimeMessage[1];
        await("the download notice of " + orderNumber, bound, () -> {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (GreenMailUtil.getBody(m).contains(orderNumber)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /**
     * One POST on a connection of its own: a purchase is never retried, so it must not meet
     * a kept-alive connection the server has just closed.
     */
    Api.Response freshPost(String user, String path, String json) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":demo-" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(base.toURI().resolve(path))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Api.Response(r.statusCode(), r.body());
    }

    /** An event with a performance that started yesterday and one a month ahead, sold by a seller of its own. */
    private record TwoDates(long event, long past, long coming, long sellerId, Api seller) {
    }

    /**
     * Builds it: 2 rows of 10 B seats at 6,000 JPY (and an S type no seat has), every seat of
     * both performances in the stock of a new seller (the demo sellers' authorizations stay as
     * SecurityIT counts them).
     */
    private TwoDates twoDates() {
        Api organizer = Api.demo(base, "organizer");
        long venue = organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("SV") + "\",\"name\":\"Sale Hall\"}").id();
        long layout = organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Two rows\",\"rows\":2,\"columns\":10,\"seatRanges\":\"A1:J2\"}").id();
        long event = organizer.post("api/v1/events", "{\"code\":\"" + Api.unique("SE") + "\",\"name\":\"Closing Night\","
                + "\"layoutId\":" + layout + "}").id();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        long past = organizer.post("api/v1/events/" + event + "/performances", "{\"date\":\"" + today.minusDays(1)
                + "\",\"openingTime\":\"18:00:00\",\"startTime\":\"19:00:00\",\"gates\":\"East\"}").id();
        long coming = organizer.post("api/v1/events/" + event + "/performances", "{\"date\":\"" + today.plusMonths(1)
                + "\",\"openingTime\":\"18:00:00\",\"startTime\":\"19:00:00\",\"gates\":\"East\"}").id();
        assertEquals(201, organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"B\",\"name\":\"B seat\",\"price\":6000,\"currency\":\"JPY\",\"colour\":\"#2ca02c\"}").status());
        assertEquals(201, organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":9000,\"currency\":\"JPY\",\"colour\":\"#d62728\"}").status());
        assertEquals(200, organizer.put("api/v1/events/" + event + "/seat-types/B/ranges", "{\"ranges\":\"A1:J2\"}").status());
        Api admin = Api.demo(base, "admin");
        String code = Api.unique("SLR");
        long seller = admin.post("api/v1/sellers", "{\"code\":\"" + code + "\",\"name\":\"Door Tickets\",\"kind\":\"AGENT\"}").id();
        String password = "test-" + code.toLowerCase() + "-pw";
        assertEquals(201, admin.post("api/v1/accounts", "{\"username\":\"" + code.toLowerCase() + "\",\"password\":\"" + password
                + "\",\"role\":\"seller\",\"partyId\":" + seller + "}").status());
        Api.Response authorized = organizer.post("api/v1/events/" + event + "/authorizations",
                "{\"sellerId\":" + seller + ",\"quota\":\"100%\"}");
        assertEquals(201, authorized.status(), authorized.body());
        for (long p : List.of(past, coming)) {
            Api.Response allocated = organizer.post("api/v1/allocations", "{\"performanceId\":" + p + ",\"sellerId\":" + seller
                    + ",\"ranges\":\"A1:J2\"}");
            assertEquals(201, allocated.status(), allocated.body());
        }
        return new TwoDates(event, past, coming, seller, Api.as(base, code.toLowerCase(), password));
    }

    long openAuthorizations() {
        return Api.demo(base, "admin").get("api/v1/sales-reconciliation").json().getJsonNumber("acquirerOpenAuthorizations")
                .longValue();
    }

    static long total(Api.Response page) {
        return page.json().getJsonNumber("total").longValue();
    }

    // ---- tests ---------------------------------------------------------------------------

    @Test
    void everyPaymentOutcome() {
        Api alice = Api.demo(base, "alice");
        long perf = demo.performance(0);
        long plaza = demo.seller(perf, "PLAZA");
        List<String> free = demo.freeSeats(alice, perf, plaza);
        String seat = free.get(0);

        Api.Response declined = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card(DECLINE)));
        assertEquals(409, declined.status(), declined.body());
        assertTrue(declined.message().contains("declined"), declined.body());
        Api.Response poor = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card(INSUFFICIENT)));
        assertEquals(409, poor.status(), poor.body());
        assertTrue(poor.message().contains("insufficient funds"), poor.body());
        Api.Response silent = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card(TIMEOUT)));
        assertEquals(409, silent.status(), silent.body());
        assertTrue(silent.message().contains("did not answer"), silent.body());
        Api.Response mistyped = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card("4111111111111112")));
        assertEquals(400, mistyped.status(), mistyped.body());
        Api.Response expired = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat),
                card(APPROVE).replace("\"expiryYear\":2030", "\"expiryYear\":2020")));
        assertEquals(400, expired.status(), expired.body());
        assertTrue(expired.message().contains("expired"), expired.body());
        assertTrue(availability(perf, plaza).get(seat), "after every refusal the seat is still on sale");

        Api.Response paid = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card(APPROVE)));
        assertEquals(201, paid.status(), paid.body());
        JsonObject order = paid.json();
        assertEquals(9000, order.getInt("total"));
        assertEquals(9000, order.getInt("cardPaid"));
        assertEquals("1111", order.getString("cardLastFour"));
        assertEquals(90, order.getInt("pointsEarned"), "1% of 9000");
        assertEquals("Alice Adams", order.getString("buyerName"));
        assertTrue(order.getString("contents").contains(seat) && order.getString("contents").contains("Aurora Winter Tour 2026"),
                order.toString());
        assertFalse(order.toString().contains(APPROVE), "the card number is never returned or stored");
        assertFalse(availability(perf, plaza).get(seat), "sold");
        Api.Response again = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card(APPROVE)));
        assertEquals(409, again.status());
        assertTrue(again.message().contains("sold meanwhile") || again.message().contains("taken"), again.body());

        // e-money: top up by card, spend, and a spend beyond the balance is refused
        long before = alice.get("api/v1/wallet").json().getJsonNumber("eMoney").longValue();
        Api.Response topUp = alice.post("api/v1/wallet/top-ups", "{\"amount\":10000,\"cardNumber\":\"" + APPROVE
                + "\",\"expiryMonth\":12,\"expiryYear\":2030,\"cvc\":\"123\"}");
        assertEquals(200, topUp.status(), topUp.body());
        assertEquals(before + 10000, topUp.json().getJsonNumber("eMoney").longValue());
        Api.Response refusedTopUp = alice.post("api/v1/wallet/top-ups", "{\"amount\":10000,\"cardNumber\":\"" + DECLINE
                + "\",\"expiryMonth\":12,\"expiryYear\":2030,\"cvc\":\"123\"}");
        assertEquals(409, refusedTopUp.status(), refusedTopUp.body());
        String second = demo.freeSeats(alice, perf, plaza).get(0);
        Api.Response byWallet = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(second), "{\"method\":\"E_MONEY\"}"));
        assertEquals(201, byWallet.status(), byWallet.body());
        assertEquals(9000, byWallet.json().getInt("eMoneyPaid"));
        long balance = alice.get("api/v1/wallet").json().getJsonNumber("eMoney").longValue();
        assertEquals(before + 1000, balance);
        String third = demo.freeSeats(alice, perf, plaza).get(0);
        Api.Response broke = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(third), "{\"method\":\"E_MONEY\"}"));
        assertEquals(409, broke.status(), broke.body());
        assertTrue(broke.message().contains("not enough e-money"), broke.body());
        assertEquals(balance, alice.get("api/v1/wallet").json().getJsonNumber("eMoney").longValue(), "nothing taken");

        // points: a discount, then more points than owned is refused
        long points = alice.get("api/v1/wallet").json().getJsonNumber("points").longValue();
        assertTrue(points >= 180, "earned on two purchases: " + points);
        Api.Response discounted = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(third),
                card(APPROVE).replace("{\"method\":\"CARD\"", "{\"method\":\"CARD\",\"points\":100")));
        assertEquals(201, discounted.status(), discounted.body());
        assertEquals(100, discounted.json().getInt("pointsUsed"));
        assertEquals(8900, discounted.json().getInt("cardPaid"));
        String fourth = demo.freeSeats(alice, perf, plaza).get(0);
        Api.Response allPoints = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(fourth), "{\"method\":\"POINTS\"}"));
        assertEquals(409, allPoints.status(), allPoints.body());
        assertTrue(allPoints.message().contains("not enough reward points"), allPoints.body());
        assertTrue(availability(perf, plaza).get(fourth));
    }

    @Test
    void anExpiredHoldIsReleasedAndCannotBePaid() {
        Api alice = Api.demo(base, "alice");
        Api bob = Api.demo(base, "bob");
        long perf = demo.performance(0);
        long city = demo.seller(perf, "CITY");
        Api.Response held = alice.post("api/v1/holds", "{\"performanceId\":" + perf + ",\"sellerId\":" + city
                + ",\"seatType\":\"B\",\"quantity\":3,\"holdSeconds\":2}");
        assertEquals(201, held.status(), held.body());
        JsonObject hold = held.json();
        List<String> seats = hold.getJsonArray("seats").stream().map(s -> s.asJsonObject().getString("seat")).toList();
        assertEquals(3, seats.size());
        assertEquals(18000, hold.getInt("total"));
        List<JsonObject> cells = hold.getJsonArray("seats").stream().map(JsonValue::asJsonObject).toList();
        for (int i = 1; i < 3; i++) {
            assertEquals(cells.get(0).getInt("row"), cells.get(i).getInt("row"), "one row: " + seats);
            assertEquals(cells.get(i - 1).getInt("column") + 1, cells.get(i).getInt("column"), "side by side: " + seats);
        }
        seats.forEach(s -> assertFalse(availability(perf, city).get(s), s + " is unavailable while held"));
        Api.Response clash = bob.post("api/v1/purchases", purchase(perf, city, List.of(seats.get(1)), card(APPROVE)));
        assertEquals(409, clash.status(), clash.body());
        assertTrue(clash.message().contains("being bought by someone else"), clash.body());

        await("the expiry timer releases the held seats", () -> seats.stream().allMatch(s -> availability(perf, city).get(s)));
        Api.Response late = alice.post("api/v1/holds/" + hold.getString("id") + "/checkout", card(APPROVE));
        assertEquals(409, late.status(), late.body());
        assertTrue(late.message().contains("expired"), late.body());
        assertEquals(403, bob.get("api/v1/holds/" + hold.getString("id")).status(), "another buyer's hold");

        // a hold within its time is paid at checkout
        Api.Response ok = alice.post("api/v1/holds", "{\"performanceId\":" + perf + ",\"sellerId\":" + city
                + ",\"seats\":" + seats(List.of(seats.get(0))) + "}");
        assertEquals(201, ok.status(), ok.body());
        Api.Response paid = alice.post("api/v1/holds/" + ok.json().getString("id") + "/checkout", card(APPROVE));
        assertEquals(201, paid.status(), paid.body());
        assertEquals(List.of(seats.get(0)), paid.json().getJsonArray("lines").stream()
                .map(l -> l.asJsonObject().getString("seat")).toList());
    }

    /**
     * The mail server is down when a customer buys: the purchase does not wait for it, the notice
     * keeps the failure and is tried again (after eticket.mail.retry-seconds, here 1 s, doubling),
     * and once the server is back the sweeper's next run (every 30 s) delivers it, once.
     */
    @Test
    void aNoticeTheMailServerCouldNotTakeIsSentOnceItIsBack() throws Exception {
        Api carol = Api.demo(base, "carol");
        long perf = demo.performance(1);
        long plaza = demo.seller(perf, "PLAZA");
        String number;
        long orderId;
        SMTP.stop();
        try {
            Api.Response paid = carol.post("api/v1/purchases", purchase(perf, plaza,
                    List.of(demo.freeSeats(carol, perf, plaza).get(0)), card(APPROVE)));
            assertEquals(201, paid.status(), "the purchase does not wait for the mail server: " + paid.body());
            number = paid.json().getString("number");
            orderId = paid.json().getJsonNumber("id").longValue();
            await("the first attempt failed and was kept", () -> {
                Object[] n = notice(orderId);
                return n != null && (Integer) n[0] >= 1 && n[1] != null && n[2] == null;
            });
            Object[] failed = notice(orderId);
            assertTrue(String.valueOf(failed[1]).contains("Couldn't connect"), "the error kept: " + failed[1]);
        } finally {
            SMTP.start();
        }
        Instant back = Instant.now();
        MimeMessage mail = mailFor(number, Duration.ofSeconds(75));
        assertEquals("carol@example.com", mail.getAllRecipients()[0].toString());
        Object[] sent = notice(orderId);
        assertNotNull(sent[2], "marked sent");
        assertTrue(sent[1] == null, "the error cleared: " + sent[1]);
        Thread.sleep(2_000);
        assertEquals(1, java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(number)).count(), "sent once, " + Duration.between(back, Instant.now()));
    }

    /** The download notice of an order as the database holds it: attempts, last error, sent at; null if none. */
    private static Object[] notice(long orderId) {
        org.apache.derby.jdbc.ClientDataSource ds = new org.apache.derby.jdbc.ClientDataSource();
        ds.setServerName("127.0.0.1");
        ds.setPortNumber(Integer.getInteger("it.derby.port"));
        ds.setDatabaseName(java.nio.file.Path.of(System.getProperty("it.data")).toAbsolutePath().resolve("db").toString());
        try (java.sql.Connection c = ds.getConnection();
             java.sql.PreparedStatement q = c.prepareStatement(
                     "select ATTEMPTS, LASTERROR, SENTAT from DOWNLOADNOTICE where ORDERID = ?")) {
            q.setLong(1, orderId);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Object[] {rs.getInt(1), rs.getString(2), rs.getTimestamp(3)} : null;
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDownloadNoticeCarriesTheWindowAndTheDownloadRefusesEarlyVisits() throws Exception {
        Api organizer = Api.demo(base, "organizer");
        Api carol = Api.demo(base, "carol");
        long event = demo.eventId();
        long perf = demo.performance(1);
        long plaza = demo.seller(perf, "PLAZA");
        assertEquals(200, organizer.put("api/v1/sales-terms/" + event, "{\"downloadDelayMinutes\":90}").status());
        assertEquals(403, Api.demo(base, "seller1").put("api/v1/sales-terms/" + event, "{\"downloadDelayMinutes\":0}").status());
        try {
            Api.Response paid = carol.post("api/v1/purchases", purchase(perf, plaza, List.of(demo.freeSeats(carol, perf, plaza).get(0)),
                    card(APPROVE)));
            assertEquals(201, paid.status(), paid.body());
            JsonObject order = paid.json();
            Instant ordered = Instant.parse(order.getString("orderedAt"));
            Instant opens = Instant.parse(order.getString("downloadOpensAt"));
            assertEquals(Duration.ofMinutes(90), Duration.between(ordered, opens));

            MimeMessage mail = mailFor(order.getString("number"));
            assertEquals("carol@example.com", mail.getAllRecipients()[0].toString());
            String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
            assertTrue(body.contains("Window (UTC): " + opens + " / " + order.getString("downloadClosesAt")), body);
            Matcher m = Pattern.compile("/shop/download\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher(body);
            assertTrue(m.find(), body);
            String token = m.group(1);

            Api.Response early = carol.get("api/v1/downloads/" + token);
            assertEquals(409, early.status(), early.body());
            assertTrue(early.message().contains("too early") && early.message().contains(opens.toString()), early.body());
            Api.Response page = carol.getHtml("shop/download.xhtml?token=" + token);
            assertEquals(200, page.status(), page.body());
            assertTrue(page.body().contains("Too early"), page.body());
            assertEquals(403, Api.demo(base, "bob").get("api/v1/downloads/" + token).status(), "only the buyer");

            assertEquals(200, organizer.put("api/v1/sales-terms/" + event, "{\"downloadDelayMinutes\":0}").status());
            Api.Response now = carol.post("api/v1/purchases", purchase(perf, plaza, List.of(demo.freeSeats(carol, perf, plaza).get(0)),
                    card(APPROVE)));
            assertEquals(201, now.status(), now.body());
            String body2 = GreenMailUtil.getBody(mailFor(now.json().getString("number"))).replace("=\r\n", "").replace("=3D", "=");
            Matcher m2 = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body2);
            assertTrue(m2.find());
            Api.Response open = carol.get("api/v1/downloads/" + m2.group(1));
            assertEquals(200, open.status(), open.body());
            assertEquals("OPEN", open.json().getString("status"));
        } finally {
            organizer.put("api/v1/sales-terms/" + event, "{\"downloadDelayMinutes\":0}");
        }
    }

    @Test
    void aPerformanceThatHasStartedIsNoLongerSold() {
        TwoDates d = twoDates();
        Api alice = Api.demo(base, "alice");
        List<Long> listed = SecurityIT.array(alice.get("api/v1/shop/performances").body()).stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertTrue(listed.contains(d.coming()) && !listed.contains(d.past()), "only the coming date is on sale: " + listed);
        long orders = total(alice.get("api/v1/orders"));
        long open = openAuthorizations();

        Api.Response bought = alice.post("api/v1/purchases", purchase(d.past(), d.sellerId(), List.of("A1"), card(APPROVE)));
        assertEquals(409, bought.status(), bought.body());
        assertTrue(bought.message().contains("has started") && bought.message().contains("nothing was charged"), bought.body());
        Api.Response held = alice.post("api/v1/holds", "{\"performanceId\":" + d.past() + ",\"sellerId\":" + d.sellerId()
                + ",\"seatType\":\"B\",\"quantity\":2}");
        assertEquals(409, held.status(), held.body());
        assertTrue(held.message().contains("has started"), held.body());
        Api.Response ordered = d.seller().post("api/v1/seller-orders", "{\"performanceId\":" + d.past() + ",\"seats\":[\"A2\"],"
                + "\"buyer\":{\"name\":\"Late Comer\",\"email\":\"" + Api.unique("late").toLowerCase() + "@example.com\"},"
                + "\"payment\":" + card(APPROVE) + "}");
        assertEquals(409, ordered.status(), ordered.body());
        assertTrue(ordered.message().contains("has started"), ordered.body());

        assertEquals(orders, total(alice.get("api/v1/orders")), "no order");
        assertEquals(open, openAuthorizations(), "no card was authorized");
        assertTrue(availability(d.past(), d.sellerId()).values().stream().allMatch(free -> free), "every seat stays in stock");
        Api.Response coming = alice.post("api/v1/purchases", purchase(d.coming(), d.sellerId(), List.of("A1"), card(APPROVE)));
        assertEquals(201, coming.status(), "the coming date sells: " + coming.body());
    }

    @Test
    void aHoldIsPaidAtThePriceTheBuyerSawAndSaysHowItEnded() {
        TwoDates d = twoDates();
        Api alice = Api.demo(base, "alice");
        Api organizer = Api.demo(base, "organizer");
        String coming = "{\"performanceId\":" + d.coming() + ",\"sellerId\":" + d.sellerId() + ",";
        Api.Response held = alice.post("api/v1/holds", coming + "\"seats\":[\"A2\",\"B2\"]}");
        assertEquals(201, held.status(), held.body());
        assertEquals(12000, held.json().getInt("total"));
        String hold = "api/v1/holds/" + held.json().getString("id");

        // the organizer raises the price while she types her card: she is told, and charged nothing
        assertEquals(200, organizer.put("api/v1/events/" + d.event() + "/seat-types/B",
                "{\"code\":\"B\",\"name\":\"B seat\",\"price\":6500,\"currency\":\"JPY\",\"colour\":\"#2ca02c\"}").status());
        long orders = total(alice.get("api/v1/orders"));
        long open = openAuthorizations();
        Api.Response changed = alice.post(hold + "/checkout", card(APPROVE));
        assertEquals(409, changed.status(), changed.body());
        assertTrue(changed.message().contains("changed from 12000 to 13000 JPY") && changed.message().contains("nothing was charged"),
                changed.body());
        assertEquals(orders, total(alice.get("api/v1/orders")));
        assertEquals(open, openAuthorizations());
        assertEquals(13000, alice.get(hold).json().getInt("total"), "the hold now shows the new price");
        assertFalse(availability(d.coming(), d.sellerId()).get("A2"), "the seats are still held for her");

        // seen, she buys at it
        Api.Response paid = alice.post(hold + "/checkout", card(APPROVE));
        assertEquals(201, paid.status(), paid.body());
        assertEquals(13000, paid.json().getInt("cardPaid"));
        String number = paid.json().getString("number");

        // a second click: refused, naming the order that bought the seats, charging nothing more
        Api.Response again = alice.post(hold + "/checkout", card(APPROVE));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.message().contains("bought with order " + number), again.body());
        assertEquals(orders + 1, total(alice.get("api/v1/orders")));

        // one buyer holds at most 10 seats of a performance at a time, over all holds
        Api.Response eight = alice.post("api/v1/holds", coming + "\"seatType\":\"B\",\"quantity\":8}");
        assertEquals(201, eight.status(), eight.body());
        Api.Response three = alice.post("api/v1/holds", coming + "\"seatType\":\"B\",\"quantity\":3}");
        assertEquals(409, three.status(), three.body());
        assertTrue(three.message().contains("you already hold 8 seats"), three.body());
        Api.Response two = alice.post("api/v1/holds", coming + "\"seatType\":\"B\",\"quantity\":2}");
        assertEquals(201, two.status(), "up to ten: " + two.body());
        assertEquals(201, Api.demo(base, "bob").post("api/v1/holds", coming + "\"seatType\":\"B\",\"quantity\":3}").status(),
                "the limit is hers, not the seller's");

        // given back, it says so
        String eightHold = "api/v1/holds/" + eight.json().getString("id");
        assertEquals(204, alice.delete(eightHold).status());
        Api.Response released = alice.post(eightHold + "/checkout", card(APPROVE));
        assertEquals(409, released.status(), released.body());
        assertTrue(released.message().contains("you released these seats"), released.body());

        // a seat type the seller has none of is not "sold out"
        Api.Response none = alice.post("api/v1/holds", coming + "\"seatType\":\"S\",\"quantity\":1}");
        assertEquals(409, none.status(), none.body());
        assertTrue(none.message().contains("does not sell S seats"), none.body());

        // requests that do not say which performance or seller are bad requests, not missing records
        Api.Response noSeller = alice.post("api/v1/holds", "{\"performanceId\":" + d.coming() + ",\"seats\":[\"J1\"]}");
        assertEquals(400, noSeller.status(), noSeller.body());
        assertTrue(noSeller.message().contains("sellerId"), noSeller.body());
        Api.Response noPerformance = alice.post("api/v1/purchases", "{\"sellerId\":" + d.sellerId() + ",\"seats\":[\"J1\"],"
                + "\"payment\":" + card(APPROVE) + "}");
        assertEquals(400, noPerformance.status(), noPerformance.body());
        assertEquals(404, alice.get("api/v1/shop/performances/999999999/seats?sellerId=" + d.sellerId()).status());
        assertEquals(404, alice.get("api/v1/shop/performances/" + d.coming() + "/seats?sellerId=999999999").status());
    }

    @Test
    void sellersSubmitOrdersForTheirOwnStockAndSeeOnlyTheirSales() {
        Api seller1 = Api.demo(base, "seller1");
        long perf = demo.performance(1);
        long plaza = demo.seller(perf, "PLAZA");
        long city = demo.seller(perf, "CITY");
        String buyer = Api.unique("dave").toLowerCase() + "@example.com";
        Api.Response order = seller1.post("api/v1/seller-orders", "{\"performanceId\":" + perf
                + ",\"seatType\":\"A\",\"quantity\":2,\"buyer\":{\"name\":\"Dave Doe\",\"email\":\"" + buyer + "\"},"
                + "\"payment\":" + card(APPROVE) + "}");
        assertEquals(201, order.status(), order.body());
        assertEquals("SELLER_API", order.json().getString("channel"));
        assertEquals(plaza, order.json().getJsonNumber("sellerId").longValue());
        assertEquals(2, order.json().getJsonArray("lines").size());
        Api.Response declined = seller1.post("api/v1/seller-orders", "{\"performanceId\":" + perf
                + ",\"seatType\":\"A\",\"quantity\":1,\"buyer\":{\"name\":\"Dave Doe\",\"email\":\"" + buyer + "\"},"
                + "\"payment\":" + card(DECLINE) + "}");
        assertEquals(409, declined.status(), declined.body());
        Api.Response foreign = seller1.post("api/v1/seller-orders", "{\"performanceId\":" + perf + ",\"sellerId\":" + city
                + ",\"seats\":[\"A13\"],\"buyer\":{\"name\":\"Dave\",\"email\":\"" + buyer + "\"},\"payment\":" + card(APPROVE) + "}");
        assertEquals(403, foreign.status(), foreign.body());
        assertEquals(403, Api.demo(base, "alice").post("api/v1/seller-orders", "{}").status());

        // a buyer who is a registered customer: the order is theirs, but the seller learns nothing it did not send
        Api alice = Api.demo(base, "alice");
        long aliceOrders = total(alice.get("api/v1/orders"));
        Api.Response named = seller1.post("api/v1/seller-orders", "{\"performanceId\":" + perf + ",\"seatType\":\"A\","
                + "\"quantity\":1,\"buyer\":{\"name\":\"Mallory Moe\",\"email\":\"ALICE@example.com\"},"
                + "\"payment\":" + card(APPROVE) + "}");
        assertEquals(201, named.status(), named.body());
        assertEquals("Mallory Moe", named.json().getString("buyerName"));
        assertFalse(named.json().containsKey("buyerId"), "nor whether, or as whom, the e-mail is registered: " + named.body());
        assertEquals(named.json().getString("number"), alice.get("api/v1/orders/" + named.id()).json().getString("number"));
        assertTrue(alice.get("api/v1/orders/" + named.id()).json().containsKey("buyerId"), "the buyer sees their own id");
        assertFalse(named.body().contains("Alice Adams"), named.body());
        assertFalse(seller1.get("api/v1/orders/" + named.id()).body().contains("Alice Adams"));
        assertEquals(aliceOrders + 1, total(alice.get("api/v1/orders")), "the ticket went to the customer with that e-mail");
        // fan-club stock goes to registered members only, through the fan club's own system too
        long fc = demo.seller(perf, "AURORA-FC");
        Api.Response walkIn = Api.demo(base, "fanclub").post("api/v1/seller-orders", "{\"performanceId\":" + perf
                + ",\"sellerId\":" + fc + ",\"seatType\":\"S\",\"quantity\":1,\"buyer\":{\"name\":\"Walk In\",\"email\":\""
                + Api.unique("walkin").toLowerCase() + "@example.com\"},\"payment\":" + card(APPROVE) + "}");
        assertEquals(403, walkIn.status(), walkIn.body());
        assertTrue(walkIn.message().contains("registered members only"), walkIn.body());

        // the seller's and the organizer's order lists
        JsonObject sold = seller1.get("api/v1/orders?size=200").json();
        assertTrue(sold.getJsonArray("items").stream().allMatch(o -> o.asJsonObject().getJsonNumber("sellerId").longValue() == plaza));
        assertTrue(sold.getJsonArray("items").stream().noneMatch(o -> o.asJsonObject().containsKey("buyerId")),
                "no customer ids to sellers");
        List<Instant> times = sold.getJsonArray("items").stream().map(o -> Instant.parse(o.asJsonObject().getString("orderedAt")))
                .toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest first");
        assertTrue(sold.getJsonArray("items").stream().anyMatch(o -> o.asJsonObject().getJsonNumber("id").longValue() == named.id()));
        assertTrue(Api.demo(base, "seller2").get("api/v1/orders?size=200").json().getJsonArray("items").stream()
                .noneMatch(o -> o.asJsonObject().getJsonNumber("sellerId").longValue() == plaza));
        assertTrue(Api.demo(base, "organizer").get("api/v1/orders?size=200").json().getJsonArray("items").stream()
                .anyMatch(o -> o.asJsonObject().getJsonNumber("id").longValue() == named.id()), "the organizer's event's order");

        long orderId = order.json().getJsonNumber("id").longValue();
        JsonObject mine = seller1.get("api/v1/sales-journal?size=200").json();
        assertTrue(mine.getJsonArray("items").stream().allMatch(e -> e.asJsonObject().getJsonNumber("sellerId").longValue() == plaza));
        assertTrue(mine.getJsonArray("items").stream().anyMatch(e -> !e.asJsonObject().isNull("orderId")
                && e.asJsonObject().getJsonNumber("orderId").longValue() == orderId), "its sale is in its journal");
        assertEquals(403, seller1.get("api/v1/sales-journal?sellerId=" + city).status());
        JsonObject cityView = Api.demo(base, "seller2").get("api/v1/sales-journal?size=200").json();
        assertTrue(cityView.getJsonArray("items").stream().noneMatch(e -> e.asJsonObject().getJsonNumber("sellerId").longValue() == plaza));
        JsonObject organizerView = Api.demo(base, "organizer").get("api/v1/sales-journal?performanceId=" + perf + "&size=200").json();
        assertTrue(organizerView.getJsonArray("items").stream().anyMatch(e -> !e.asJsonObject().isNull("orderId")
                && e.asJsonObject().getJsonNumber("orderId").longValue() == orderId), "the organizer sees it (S1807)");
        assertEquals(403, Api.demo(base, "alice").get("api/v1/sales-journal").status());
    }

    @Test
    void fanClubStockIsForRegisteredMembers() {
        Api bob = Api.demo(base, "bob");
        Api fanclub = Api.demo(base, "fanclub");
        long perf = demo.performance(0);
        long fc = demo.seller(perf, "AURORA-FC");
        Api.Response refused = bob.post("api/v1/purchases", "{\"performanceId\":" + perf + ",\"sellerId\":" + fc
                + ",\"seatType\":\"S\",\"quantity\":1,\"payment\":" + card(APPROVE) + "}");
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.message().contains("members"), refused.body());
        Api.Response applied = bob.post("api/v1/memberships", "{\"sellerId\":" + fc + "}");
        assertEquals(201, applied.status(), applied.body());
        assertEquals("APPLIED", applied.json().getString("status"));
        assertEquals(403, Api.demo(base, "seller1").post("api/v1/memberships/" + applied.id() + "/registration", "{}").status());
        Api.Response registered = fanclub.post("api/v1/memberships/" + applied.id() + "/registration", "{}");
        assertEquals(200, registered.status(), registered.body());
        assertTrue(registered.json().getString("membershipNumber").startsWith("AURORA-FC-"), registered.body());
        Api.Response bought = bob.post("api/v1/purchases", "{\"performanceId\":" + perf + ",\"sellerId\":" + fc
                + ",\"seatType\":\"S\",\"quantity\":2,\"payment\":" + card(APPROVE) + "}");
        assertEquals(201, bought.status(), bought.body());
        assertEquals(24000, bought.json().getInt("total"));
        assertEquals(1, bob.get("api/v1/orders?size=100").json().getJsonArray("items").stream()
                .filter(o -> o.asJsonObject().getJsonNumber("id").longValue() == bought.id()).count());
        assertEquals(403, Api.demo(base, "carol").get("api/v1/orders/" + bought.id()).status(), "another buyer's order");
    }

    @Test
    void aFanClubRefusesAnApplicationWithAReasonAndTheCustomerWithdrawsAndAppliesAgain() {
        String password = "member-story-secret";
        Api dana = Api.as(base, demo.newCustomer("Dana Ito", password), password);
        Api fanclub = Api.demo(base, "fanclub");
        long perf = demo.performance(0);
        long fc = demo.seller(perf, "AURORA-FC");
        String apply = "{\"sellerId\":" + fc + "}";
        Api.Response applied = dana.post("api/v1/memberships", apply);
        assertEquals(201, applied.status(), applied.body());
        long id = applied.id();
        String application = "api/v1/memberships/" + id;

        // a refusal says why: without a reason it is refused and changes nothing; only the fan club decides
        Api.Response noReason = fanclub.post(application + "/refusal", "{\"reason\":\"  \"}");
        assertEquals(400, noReason.status(), noReason.body());
        assertTrue(noReason.message().contains("reason is required"), noReason.body());
        assertEquals(403, Api.demo(base, "seller1").post(application + "/refusal", "{\"reason\":\"not ours\"}").status());
        assertEquals(403, dana.post(application + "/refusal", "{\"reason\":\"myself\"}").status());
        assertEquals("APPLIED", membership(dana, id).getString("status"));

        Api.Response refused = fanclub.post(application + "/refusal", "{\"reason\":\"Membership is full this season\"}");
        assertEquals(200, refused.status(), refused.body());
        assertEquals("REFUSED", refused.json().getString("status"));
        JsonObject seen = membership(dana, id);
        assertEquals("REFUSED", seen.getString("status"));
        assertEquals("Membership is full this season", seen.getString("refusal"), "the customer sees why");
        assertFalse(seen.isNull("closedAt"));
        // decided once: neither registered nor withdrawn afterwards, and no members' seats for her
        Api.Response registerRefused = fanclub.post(application + "/registration", "{}");
        assertEquals(409, registerRefused.status(), registerRefused.body());
        assertTrue(registerRefused.message().contains("refused already (Membership is full this season)"), registerRefused.body());
        assertEquals(409, dana.post(application + "/withdrawal", "").status());
        Api.Response notMember = dana.post("api/v1/purchases", "{\"performanceId\":" + perf + ",\"sellerId\":" + fc
                + ",\"seatType\":\"S\",\"quantity\":1,\"payment\":" + card(APPROVE) + "}");
        assertEquals(403, notMember.status(), notMember.body());

        // she applies again: the same application, waiting again, the old reason gone; once only
        Api.Response again = dana.post("api/v1/memberships", apply);
        assertEquals(201, again.status(), again.body());
        assertEquals(id, again.id());
        assertEquals("APPLIED", again.json().getString("status"));
        assertTrue(again.json().get("refusal") == null || again.json().isNull("refusal"), again.body());
        Api.Response twice = dana.post("api/v1/memberships", apply);
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.message().contains("already applied"), twice.body());

        // she withdraws it (nobody else can); a withdrawn application is not registered
        assertEquals(404, Api.demo(base, "bob").post(application + "/withdrawal", "").status(), "another customer's");
        assertEquals(403, fanclub.post(application + "/withdrawal", "").status(), "the fan club does not withdraw");
        Api.Response withdrawn = dana.post(application + "/withdrawal", "");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
        Api.Response registerWithdrawn = fanclub.post(application + "/registration", "{}");
        assertEquals(409, registerWithdrawn.status(), registerWithdrawn.body());
        assertTrue(registerWithdrawn.message().contains("withdrawn by the customer"), registerWithdrawn.body());

        // a third application is registered; a registered membership is neither refused nor withdrawn
        assertEquals(201, dana.post("api/v1/memberships", apply).status());
        Api.Response registered = fanclub.post(application + "/registration", "{}");
        assertEquals(200, registered.status(), registered.body());
        assertTrue(registered.json().getString("membershipNumber").startsWith("AURORA-FC-"), registered.body());
        assertEquals(409, fanclub.post(application + "/refusal", "{\"reason\":\"too late\"}").status());
        assertEquals(409, dana.post(application + "/withdrawal", "").status());
        Api.Response member = dana.post("api/v1/memberships", apply);
        assertEquals(409, member.status(), member.body());
        assertTrue(member.message().contains("already a registered member"), member.body());
        assertEquals("REGISTERED", membership(dana, id).getString("status"));
    }

    private static JsonObject membership(Api customer, long id) {
        return SecurityIT.array(customer.get("api/v1/memberships").body()).stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("membership " + id + " is among the customer's"));
    }

    @Test
    void theShopScreensShowPerformancesSeatsAndOrders() {
        Api alice = Api.demo(base, "alice");
        long perf = demo.performance(0);
        long plaza = demo.seller(perf, "PLAZA");
        Api.Response index = alice.getHtml("shop/index.xhtml");
        assertEquals(200, index.status(), index.body());
        assertTrue(index.body().contains("Aurora Winter Tour 2026"), index.body());
        Api.Response seats = alice.getHtml("shop/index.xhtml?performance=" + perf + "&seller=" + plaza);
        assertEquals(200, seats.status(), seats.body());
        assertTrue(seats.body().contains("Ticket Plaza") && seats.body().contains("Hold the best seats"), seats.body());
        String seat = demo.freeSeats(alice, perf, plaza).get(0);
        assertTrue(seats.body().contains("A seat: 9,000 JPY") && seats.body().contains("shopMapData"),
                "the seat map is offered with the prices");
        Api.Response paid = alice.post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card(APPROVE)));
        assertEquals(201, paid.status(), paid.body());
        Api.Response confirmation = alice.getHtml("shop/confirmation.xhtml?order=" + paid.id());
        assertEquals(200, confirmation.status());
        assertTrue(confirmation.body().contains(paid.json().getString("number")) && confirmation.body().contains(seat),
                confirmation.body());
        assertTrue(alice.getHtml("shop/orders.xhtml").body().contains(paid.json().getString("number")));

        // refusals reach the page's messages instead of an error page or an empty page
        Api.Response unknown = alice.getHtml("shop/index.xhtml?performance=999999999");
        assertEquals(200, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("Performance 999999999 does not exist"), unknown.body());
        Api.Response foreign = Api.demo(base, "bob").getHtml("shop/confirmation.xhtml?order=" + paid.id());
        assertTrue(foreign.body().contains("This order belongs to another customer"), foreign.body());
        assertFalse(foreign.body().contains(seat), "nothing of the order shows");
        Api.Response noHold = alice.getHtml("shop/checkout.xhtml?hold=no-such-hold");
        assertTrue(noHold.body().contains("Hold no-such-hold does not exist"), noHold.body());

        // a performance that has started: no seats to pick, no hold to pay
        TwoDates d = twoDates();
        Api.Response held = alice.post("api/v1/holds", "{\"performanceId\":" + d.coming() + ",\"sellerId\":" + d.sellerId()
                + ",\"seats\":[\"A1\"]}");
        assertEquals(201, held.status(), held.body());
        Api.Response closed = alice.getHtml("shop/index.xhtml?performance=" + d.past() + "&seller=" + d.sellerId());
        assertTrue(closed.body().contains("This performance has started") && !closed.body().contains("Hold the best seats"),
                closed.body());
        Api.Response open = alice.getHtml("shop/checkout.xhtml?hold=" + held.json().getString("id"));
        assertTrue(open.body().contains("pay:buy") && !open.body().contains("has started"), open.body());
    }

    /**
     * A new customer's first purchases, all at once (several tabs, or a seller's system and the
     * customer): each finds no points account to credit; one opens it while the others wait on
     * the customer's row, then they find it. Every purchase completes, and the one account holds
     * the points of all. (The lost EclipseLink cache lock on a new account that once hung such a
     * purchase struck about one race in 30: org.eticket.bench.FirstPurchaseRace is its stress run.)
     */
    @Test
    void aNewBuyersFirstPurchasesAtOnceAllComplete() throws Exception {
        long perf = demo.performance(1);
        long plaza = demo.seller(perf, "PLAZA");
        String password = "first-purchases-1";
        String buyer = demo.newCustomer("Nina Firstbuy", password);
        Api nina = Api.as(base, buyer, password);
        List<String> free = demo.freeSeats(nina, perf, plaza);
        List<String> seats = free.subList(free.size() - 12, free.size()); // clear of the 64 buyers' first 100
        ExecutorService threads = Executors.newFixedThreadPool(seats.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (String seat : seats) {
            results.add(threads.submit(() -> {
                go.await();
                return Api.as(base, buyer, password).post("api/v1/purchases", purchase(perf, plaza, List.of(seat), card(APPROVE)));
            }));
        }
        go.countDown();
        long earned = 0;
        for (Future<Api.Response> f : results) {
            Api.Response r = f.get(90, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body());
            earned += r.json().getJsonNumber("pointsEarned").longValue();
        }
        threads.shutdown();
        assertTrue(earned > 0, "card purchases earn points");
        assertEquals(earned, nina.get("api/v1/wallet").json().getJsonNumber("points").longValue(),
                "one points account holds what every purchase earned");
        Map<String, Boolean> after = availability(perf, plaza);
        seats.forEach(s -> assertEquals(Boolean.FALSE, after.get(s), s + " is sold"));
        // nothing is left holding row locks: the books can be read at once
        assertEquals(200, Api.demo(base, "admin").get("api/v1/sales-reconciliation").status());
    }

    /**
     * 64 buyers at once, each wanting 1 to 4 seats among the same 100: every seat is sold at
     * most once, each order has all the seats it asked for or there is no order, and the money
     * on every book equals the orders.
     */
    @Test
    void sixtyFourBuyersCompetingForOneHundredSeats() throws Exception {
        long perf = demo.performance(1);
        long plaza = demo.seller(perf, "PLAZA");
        List<String> pool = demo.freeSeats(Api.demo(base, "alice"), perf, plaza).subList(0, 100);
        String[] buyers = {"alice", "bob", "carol"};
        Random random = new Random(4);
        List<List<String>> wants = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Set<String> want = new HashSet<>();
            int n = 1 + random.nextInt(4);
            int start = random.nextInt(100);
            while (want.size() < n) {
                want.add(pool.get((start + random.nextInt(12)) % 100)); // near each other, so buyers collide
            }
            wants.add(List.copyOf(want));
        }
        ExecutorService threads = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String buyer = buyers[i % 3];
            List<String> want = wants.get(i);
            results.add(threads.submit(() -> {
                go.await();
                return freshPost(buyer, "api/v1/purchases", purchase(perf, plaza, want, card(APPROVE)));
            }));
        }
        go.countDown();
        Map<String, Long> soldBy = new ConcurrentHashMap<>();
        Map<Long, String> buyerOf = new HashMap<>();
        int orders = 0;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Api.Response r = results.get(i).get();
            if (r.status() == 201) {
                orders++;
                numbers.add(r.json().getString("number"));
                buyerOf.put(r.id(), buyers[i % 3]);
                List<String> got = r.json().getJsonArray("lines").stream().map(l -> l.asJsonObject().getString("seat")).toList();
                assertEquals(new HashSet<>(wants.get(i)), new HashSet<>(got), "an order has all the seats it asked for");
                for (String s : got) {
                    Long before = soldBy.put(s, r.id());
                    assertEquals(null, before, "seat " + s + " sold twice: orders " + before + " and " + r.id());
                }
            } else {
                assertEquals(409, r.status(), r.body());
            }
        }
        threads.shutdown();
        assertTrue(orders > 0, "some buyers got their seats");
        Map<String, Boolean> after = availability(perf, plaza);
        for (String s : pool) {
            assertEquals(!soldBy.containsKey(s), after.get(s), s + ": sold exactly when an order has it, otherwise on sale");
        }

        JsonObject books = Api.demo(base, "admin").get("api/v1/sales-reconciliation").json();
        assertEquals(books.getJsonNumber("orderTotal").longValue(), books.getJsonNumber("orderCard").longValue()
                + books.getJsonNumber("orderEMoney").longValue() + books.getJsonNumber("orderPoints").longValue(), books.toString());
        assertEquals(books.getJsonNumber("orderCard").longValue(), books.getJsonNumber("acquirerCapturedForOrders").longValue(),
                "card money captured equals the orders' card payments: " + books);
        assertEquals(books.getJsonNumber("orderEMoney").longValue(), books.getJsonNumber("eMoneySpent").longValue(), books.toString());
        assertEquals(books.getJsonNumber("orderPoints").longValue(), books.getJsonNumber("pointsSpent").longValue(), books.toString());
        assertEquals(books.getJsonNumber("orderTotal").longValue(), books.getJsonNumber("journalSales").longValue(),
                "the sales journal equals the orders: " + books);
        assertEquals(books.getJsonNumber("soldTickets").longValue(), books.getJsonNumber("orderLines").longValue(), books.toString());
        await("no authorization left open (voids run after rollback)", () -> Api.demo(base, "admin")
                .get("api/v1/sales-reconciliation").json().getJsonNumber("acquirerOpenAuthorizations").longValue() == 0);
        assertNotNull(books);
        // Sales committed together (a group commit) are each journalled on behalf of their own buyer,
        // not of the buyer whose request happened to write the batch.
        Map<Long, Integer> journalled = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonObject journal = Api.demo(base, "admin").get("api/v1/sales-journal?performanceId=" + perf + "&sellerId=" + plaza
                    + "&size=100&page=" + page).json();
            for (var item : journal.getJsonArray("items")) {
                JsonObject e = item.asJsonObject();
                long order = e.getJsonNumber("orderId").longValue();
                if (buyerOf.containsKey(order)) {
                    assertEquals(buyerOf.get(order), e.getString("actor"), "the sale of order " + order + " names its buyer");
                    journalled.merge(order, 1, Integer::sum);
                }
            }
            if ((page + 1) * 100 >= journal.getJsonNumber("total").longValue()) {
                break;
            }
        }
        assertEquals(buyerOf.keySet(), journalled.keySet(), "every order's sales are in the journal");
        // the notices of orders committed at the same moment go out in shared batches: each one arrives
        for (String number : numbers) {
            assertTrue(GreenMailUtil.getBody(mailFor(number)).contains("Download window"), number);
        }
    }
}
