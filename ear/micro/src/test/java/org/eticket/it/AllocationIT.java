package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.eticket.it.fixture.SalesFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Allocation, seller stock, returns and sales status (C6-C9) through the REST API on a real
 * Payara Micro with Derby, as the demo organizer and admin. Each test builds its own small event
 * (6 rows x 10 seats; S seats A1:J2 at 12000, A seats A3:J6 at 8000) and two sellers of its own
 * with their logins, so it counts exactly whatever else the database holds and leaves the demo
 * sellers as they were: "Test Plaza" may take 30 seats, "Test City" 10% = 6.
 */
@ExtendWith(ArquillianExtension.class)
class AllocationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the sales capability is not built yet: a test-only resource sells seats for the sales status
        return Api.platformWar().addClass(SalesFixture.class);
    }

    @ArquillianResource
    URL base;

    /** The event and sellers each test builds; seller1 signs in for plaza, seller2 for city. */
    private record Fixture(long eventId, long performanceId, long plaza, long city, String plazaCode, String cityCode,
                           Api seller1, Api seller2) {
    }

    private Fixture fixture() {
        Api organizer = Api.demo(base, "organizer");
        Api admin = Api.demo(base, "admin");
        long venue = created(organizer.post("api/v1/venues", "{\"code\":\"" + Api.unique("AV") + "\",\"name\":\"Alloc Hall\"}"));
        long layout = created(organizer.post("api/v1/venues/" + venue + "/layouts",
                "{\"name\":\"Small\",\"rows\":6,\"columns\":10,\"seatRanges\":\"A1:J6\"}"));
        long event = created(organizer.post("api/v1/events",
                "{\"code\":\"" + Api.unique("AE") + "\",\"name\":\"Allocation Night\",\"layoutId\":" + layout + "}"));
        long performance = created(organizer.post("api/v1/events/" + event + "/performances",
                "{\"date\":\"2027-05-01\",\"openingTime\":\"18:00:00\",\"startTime\":\"19:00:00\",\"gates\":\"East\"}"));
        created(organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"S\",\"name\":\"S seat\",\"price\":12000,\"currency\":\"JPY\",\"colour\":\"#d62728\"}"));
        created(organizer.post("api/v1/events/" + event + "/seat-types",
                "{\"code\":\"A\",\"name\":\"A seat\",\"price\":8000,\"currency\":\"JPY\",\"colour\":\"#1f77b4\"}"));
        assertEquals(200, organizer.put("api/v1/events/" + event + "/seat-types/S/ranges", "{\"ranges\":\"A1:J2\"}").status());
        assertEquals(200, organizer.put("api/v1/events/" + event + "/seat-types/A/ranges", "{\"ranges\":\"A3:J6\"}").status());
        String plazaCode = Api.unique("PLZ");
        String cityCode = Api.unique("CTY");
        long plaza = created(admin.post("api/v1/sellers", "{\"code\":\"" + plazaCode + "\",\"name\":\"Test Plaza\",\"kind\":\"AGENT\"}"));
        long city = created(admin.post("api/v1/sellers", "{\"code\":\"" + cityCode + "\",\"name\":\"Test City\",\"kind\":\"AGENT\"}"));
        Api seller1 = login(admin, plazaCode.toLowerCase(), plaza);
        Api seller2 = login(admin, cityCode.toLowerCase(), city);
        created(organizer.post("api/v1/authorizations",
                "{\"performanceId\":" + performance + ",\"sellerId\":" + plaza + ",\"quota\":\"30\"}"));
        created(organizer.post("api/v1/authorizations",
                "{\"performanceId\":" + performance + ",\"sellerId\":" + city + ",\"quota\":\"10%\"}"));
        return new Fixture(event, performance, plaza, city, plazaCode, cityCode, seller1, seller2);
    }

    @Test
    void allocationRulesAndRoleLimits() throws Exception {
        Fixture f = fixture();
        Api organizer = Api.demo(base, "organizer");
        Api seller1 = f.seller1();
        Api seller2 = f.seller2();
        String perf = "\"performanceId\":" + f.performanceId();

        // register by a typed range plus seats picked one by one on the map
        Api.Response first = organizer.post("api/v1/allocations",
                "{" + perf + ",\"sellerId\":" + f.plaza() + ",\"ranges\":\"A3:J3\",\"seats\":[\"A4\",\"B4\"],\"note\":\"block 1\"}");
        assertEquals(201, first.status(), first.body());
        assertEquals(12, first.json().getInt("seatCount"));
        assertEquals("A3:J3, A4:B4", first.json().getString("seatRanges"));
        long plazaBlock = first.id();

        // a seat is never allocated twice: refused as a whole, nothing stored
        Api.Response twice = organizer.post("api/v1/allocations", "{" + perf + ",\"sellerId\":" + f.city() + ",\"ranges\":\"J3:J4\"}");
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.message().contains("J3 is already allocated to Test Plaza"), twice.message());
        assertEquals(0, quota(organizer, f, f.cityCode()).getInt("allocated"), "the refused allocation stored nothing");

        // the quota is never exceeded: City Tickets may take 10% of 60 = 6
        Api.Response over = organizer.post("api/v1/allocations", "{" + perf + ",\"sellerId\":" + f.city() + ",\"ranges\":\"A5:G5\"}");
        assertEquals(409, over.status(), over.body());
        assertTrue(over.message().contains("may take 6 more seats under its quota of 10% (6 of 60); 7 requested"), over.message());

        Api.Response offLayout = organizer.post("api/v1/allocations", "{" + perf + ",\"sellerId\":" + f.city() + ",\"ranges\":\"K1\"}");
        assertEquals(400, offLayout.status());
        assertTrue(offLayout.message().contains("outside the layout"), offLayout.message());

        // N consecutive seats of a type, best fit: rows 1 and 2 are equally long, row 1 wins; then the
        // 6 left in row 1 fit 6 exactly, so row 2 stays whole
        Api.Response four = organizer.post("api/v1/allocations/consecutive",
                "{" + perf + ",\"sellerId\":" + f.plaza() + ",\"seatType\":\"S\",\"count\":4}");
        assertEquals(201, four.status(), four.body());
        assertEquals("A1:D1", four.json().getString("seatRanges"));
        Api.Response six = organizer.post("api/v1/allocations/consecutive",
                "{" + perf + ",\"sellerId\":" + f.city() + ",\"seatType\":\"s\",\"count\":6}");
        assertEquals(201, six.status(), six.body());
        assertEquals("E1:J1", six.json().getString("seatRanges"));
        long cityBlock = six.id();
        assertEquals(409, organizer.post("api/v1/allocations/consecutive",
                "{" + perf + ",\"sellerId\":" + f.city() + ",\"seatType\":\"A\",\"count\":1}").status(), "City's quota is used up");
        Api.Response tooLong = organizer.post("api/v1/allocations/consecutive",
                "{" + perf + ",\"sellerId\":" + f.plaza() + ",\"seatType\":\"S\",\"count\":11}");
        assertEquals(409, tooLong.status());
        assertTrue(tooLong.message().contains("no row has 11 consecutive free seats of type S"), tooLong.message());

        // what each seller may still take
        JsonObject plazaQuota = quota(organizer, f, f.plazaCode());
        assertEquals(16, plazaQuota.getInt("allocated"));
        assertEquals(14, plazaQuota.getInt("remaining"));
        assertEquals(0, quota(organizer, f, f.cityCode()).getInt("remaining"));
        JsonArray ownQuota = SecurityIT.array(seller1.get("api/v1/allocations/quotas?performanceId=" + f.performanceId()).body());
        assertEquals(1, ownQuota.size(), "a seller sees only its own quota");

        // search: the organizer sees all of its event, a seller only its own
        assertEquals(3, organizer.get("api/v1/allocations?performanceId=" + f.performanceId()).json().getInt("total"));
        JsonObject mine = seller1.get("api/v1/allocations?performanceId=" + f.performanceId()).json();
        assertEquals(2, mine.getInt("total"));
        mine.getJsonArray("items").forEach(a -> assertEquals(f.plazaCode(), a.asJsonObject().getString("sellerCode")));
        assertEquals(1, seller2.get("api/v1/allocations?performanceId=" + f.performanceId()).json().getInt("total"));
        assertEquals(0, seller2.get("api/v1/allocations?performanceId=" + f.performanceId() + "&sellerId=" + f.plaza())
                .json().getInt("total"), "asking for another seller's allocations finds nothing");
        assertEquals(403, seller1.get("api/v1/allocations/" + cityBlock).status(), "another seller's allocation");
        assertEquals(200, seller1.get("api/v1/allocations/" + plazaBlock).status());

        // only the organizer changes or deletes
        assertEquals(403, seller1.put("api/v1/allocations/" + plazaBlock, "{\"removeSeats\":[\"A4\"]}").status());
        assertEquals(403, seller1.delete("api/v1/allocations/" + plazaBlock).status());
        Api.Response changed = organizer.put("api/v1/allocations/" + plazaBlock,
                "{\"removeRanges\":\"A4:B4\",\"addSeats\":[\"C4\"],\"note\":\"moved\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("A3:J3, C4", changed.json().getString("seatRanges"));
        assertEquals(11, changed.json().getInt("seatCount"));
        Api.Response notThere = organizer.put("api/v1/allocations/" + plazaBlock, "{\"removeSeats\":[\"E1\"]}");
        assertEquals(409, notThere.status());
        assertTrue(notThere.message().contains("E1 is not in allocation"), notThere.message());

        // print
        Api.Binary pdf = organizer.download("api/v1/allocations/" + plazaBlock + "/report");
        assertEquals(200, pdf.status());
        String text = pdfText(pdf);
        assertTrue(text.contains("Test Plaza") && text.contains("C4") && text.contains("moved"), text);
        assertEquals(200, seller1.download("api/v1/allocations/" + plazaBlock + "/report").status());
        assertEquals(403, seller2.download("api/v1/allocations/" + plazaBlock + "/report").status());

        // delete gives the seats back: they can go to another seller
        assertEquals(204, organizer.delete("api/v1/allocations/" + cityBlock).status());
        assertEquals(404, organizer.get("api/v1/allocations/" + cityBlock).status());
        assertEquals(0, quota(organizer, f, f.cityCode()).getInt("allocated"));
        JsonObject map = organizer.get("api/v1/sales-status/seats?performanceId=" + f.performanceId()).json();
        assertEquals(15, map.getJsonObject("counts").getInt("ALLOCATED"));
        assertEquals(45, map.getJsonObject("counts").getInt("FREE"));

        // under concurrency: two sellers asked for overlapping seats at the same moment; exactly one wins
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> await(start, () -> organizer.post("api/v1/allocations",
                "{" + perf + ",\"sellerId\":" + f.plaza() + ",\"ranges\":\"A6:C6\"}")));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> await(start, () -> organizer.post("api/v1/allocations",
                "{" + perf + ",\"sellerId\":" + f.city() + ",\"ranges\":\"C6:E6\"}")));
        List<Integer> statuses = List.of(a.get().status(), b.get().status()).stream().sorted().toList();
        assertEquals(List.of(201, 409), statuses, a.get().body() + " / " + b.get().body());
        JsonObject after = organizer.get("api/v1/sales-status/seats?performanceId=" + f.performanceId()).json();
        assertEquals(18, after.getJsonObject("counts").getInt("ALLOCATED"));
    }

    @Test
    void stockReturnsAndSalesStatus() throws Exception {
        Fixture f = fixture();
        Api organizer = Api.demo(base, "organizer");
        Api seller1 = f.seller1();
        Api seller2 = f.seller2();
        String perf = "\"performanceId\":" + f.performanceId();
        created(organizer.post("api/v1/allocations", "{" + perf + ",\"sellerId\":" + f.plaza() + ",\"ranges\":\"A3:J4\"}"));

        // stock export in the seller's format
        Api.Binary csv = seller1.download("api/v1/stock/export?format=csv&performanceId=" + f.performanceId());
        assertEquals(200, csv.status());
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        String[] lines = csvText.split("\r\n");
        assertEquals(21, lines.length, csvText);
        assertEquals("event,performance,seat,seat_type,price,currency", lines[0]);
        assertTrue(lines[1].endsWith(",2027-05-01T19:00,A3,A,8000,JPY"), lines[1]);
        Api.Binary json = seller1.download("api/v1/stock/export?format=json&performanceId=" + f.performanceId());
        String jsonText = new String(json.body(), StandardCharsets.UTF_8);
        assertTrue(jsonText.contains("\"seller\":\"" + f.plazaCode() + "\"") && jsonText.contains("\"seat\":\"J4\""), jsonText);
        assertEquals(403, seller2.download("api/v1/stock/export?format=csv&sellerId=" + f.plaza()).status(),
                "a seller exports only its own stock");

        // import into the seller's event master; again changes nothing
        Api.Response imported = seller1.postText("api/v1/stock/import", csvText);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(20, imported.json().getInt("added"));
        Api.Response again = seller1.postJson("api/v1/stock/import", jsonText, "application/json");
        assertEquals(200, again.status(), again.body());
        assertEquals(0, again.json().getInt("added"));
        assertEquals(20, again.json().getInt("unchanged"));
        assertEquals(20, SecurityIT.array(seller1.get("api/v1/stock/event-master?performanceId=" + f.performanceId()).body()).size());

        // rows that are not the seller's stock are refused by line, and nothing is imported
        String wrong = lines[0] + "\r\n" + lines[1] + "\r\n" + lines[1].replace(",A3,", ",A1,").replace(",A,8000,", ",S,12000,")
                + "\r\n" + lines[2].replace(",8000,", ",7000,") + "\r\n";
        Api.Response refused = seller1.postText("api/v1/stock/import", wrong);
        assertEquals(400, refused.status(), refused.body());
        JsonArray errors = refused.json().getJsonArray("errors");
        assertEquals(2, errors.size(), refused.body());
        assertEquals(3, errors.getJsonObject(0).getInt("line"));
        assertTrue(errors.getJsonObject(0).getString("message").contains("A1") && errors.getJsonObject(0).getString("message")
                .contains("not in your stock"), refused.body());
        assertEquals(4, errors.getJsonObject(1).getInt("line"));
        assertTrue(errors.getJsonObject(1).getString("message").contains("price is 8000 JPY, not 7000"), refused.body());
        Api.Response foreign = seller2.postText("api/v1/stock/import", csvText);
        assertEquals(400, foreign.status());
        assertEquals(20, foreign.json().getJsonArray("errors").size(), "every line of another seller's stock is refused");

        JsonObject report = organizer.get("api/v1/stock/registration-report?performanceId=" + f.performanceId()
                + "&sellerId=" + f.plaza()).json();
        assertTrue(report.getBoolean("complete"), report.toString());
        assertEquals(20, report.getInt("registered"));
        assertTrue(pdfText(organizer.download("api/v1/stock/registration-report/pdf?performanceId=" + f.performanceId()
                + "&sellerId=" + f.plaza())).contains("Seats registered in the seller's event master: 20"));

        // returns: a batch of ten, only seats the seller still has allocated
        Api.Response ret = seller1.post("api/v1/returns", "{" + perf + ",\"ranges\":\"A4:J4\",\"reason\":\"unsold\"}");
        assertEquals(201, ret.status(), ret.body());
        assertEquals("REQUESTED", ret.json().getString("state"));
        assertEquals(10, ret.json().getInt("seatCount"));
        long returnId = ret.id();
        Api.Response notMine = seller2.post("api/v1/returns", "{" + perf + ",\"seats\":[\"A3\"]}");
        assertEquals(409, notMine.status());
        assertTrue(notMine.message().contains("A3 is not in your stock"), notMine.message());
        Api.Response pending = seller1.post("api/v1/returns", "{" + perf + ",\"seats\":[\"B4\"]}");
        assertEquals(409, pending.status());
        assertTrue(pending.message().contains("requested for return"), pending.message());
        assertEquals(10, organizer.get("api/v1/sales-status/seats?performanceId=" + f.performanceId()).json()
                .getJsonObject("counts").getInt("RETURN_REQUESTED"));
        assertEquals(1, organizer.get("api/v1/returns?state=requested&performanceId=" + f.performanceId()).json().getInt("total"));
        assertEquals(0, seller2.get("api/v1/returns?performanceId=" + f.performanceId()).json().getInt("total"));
        assertEquals(403, seller1.post("api/v1/returns/" + returnId + "/accept", null).status(), "only the organizer decides");

        Api.Response accepted = organizer.post("api/v1/returns/" + returnId + "/accept", "{\"note\":\"ok\"}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("ACCEPTED", accepted.json().getString("state"));
        assertEquals("organizer", accepted.json().getString("decidedBy"));
        assertEquals(409, organizer.post("api/v1/returns/" + returnId + "/refuse", null).status(), "decided once");
        JsonObject afterReturn = organizer.get("api/v1/stock/registration-report?performanceId=" + f.performanceId()
                + "&sellerId=" + f.plaza()).json();
        assertEquals(10, afterReturn.getInt("inStock"));
        assertEquals(10, afterReturn.getInt("registered"), "the seller's event master follows the return");
        assertTrue(afterReturn.getBoolean("complete"), afterReturn.toString());

        // returned seats go to another seller
        Api.Response realloc = organizer.post("api/v1/allocations", "{" + perf + ",\"sellerId\":" + f.city() + ",\"ranges\":\"A4:F4\"}");
        assertEquals(201, realloc.status(), realloc.body());
        assertEquals(6, quota(organizer, f, f.cityCode()).getInt("allocated"));
        // every step of the seat is in the journal, with who did it
        Api.Binary journal = organizer.download("api/v1/allocation-fixture/journal?seat=B4&performanceId=" + f.performanceId());
        List<String> steps = List.of(new String(journal.body(), StandardCharsets.UTF_8).split("\n"));
        assertEquals(4, steps.size(), steps.toString());
        assertTrue(steps.get(0).startsWith("null>ALLOCATED by organizer"), steps.toString());
        assertTrue(steps.get(1).startsWith("ALLOCATED>RETURN_REQUESTED by " + f.plazaCode().toLowerCase()
                + ": return request " + returnId), steps.toString());
        assertTrue(steps.get(2).startsWith("RETURN_REQUESTED>RETURNED by organizer: return request " + returnId + " accepted"),
                steps.toString());
        assertTrue(steps.get(3).startsWith("RETURNED>ALLOCATED by organizer") && steps.get(3).contains(f.cityCode()), steps.toString());

        // a refused return keeps the seats with the seller
        long refuse = seller1.post("api/v1/returns", "{" + perf + ",\"seats\":[\"A3\",\"B3\"]}").id();
        Api.Response refusedReturn = organizer.post("api/v1/returns/" + refuse + "/refuse", "{\"note\":\"keep selling\"}");
        assertEquals(200, refusedReturn.status(), refusedReturn.body());
        assertEquals("REFUSED", refusedReturn.json().getString("state"));
        assertEquals(10, SecurityIT.array(seller1.get("api/v1/stock?performanceId=" + f.performanceId()).body()).size());
        assertEquals(0, organizer.get("api/v1/sales-status/seats?performanceId=" + f.performanceId()).json()
                .getJsonObject("counts").getInt("RETURN_REQUESTED"));

        // sales: alice buys C3:E3 in one order and F3 in another, on the purchase path the portal uses
        Api alice = Api.demo(base, "alice");
        Api.Response three = alice.post("api/v1/purchases", SellingIT.purchase(f.performanceId(), f.plaza(),
                List.of("C3", "D3", "E3"), SellingIT.card(SellingIT.APPROVE)));
        assertEquals(201, three.status(), three.body());
        Api.Response one = alice.post("api/v1/purchases", SellingIT.purchase(f.performanceId(), f.plaza(),
                List.of("F3"), SellingIT.card(SellingIT.APPROVE)));
        assertEquals(201, one.status(), one.body());
        assertEquals(409, organizer.delete("api/v1/allocations/" + seller1.get("api/v1/allocations?performanceId="
                + f.performanceId()).json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue()).status(),
                "an allocation with sold seats is not deleted");

        JsonObject counts = organizer.get("api/v1/sales-status/seats?performanceId=" + f.performanceId()).json().getJsonObject("counts");
        assertEquals(4, counts.getInt("SOLD"));
        assertEquals(12, counts.getInt("ALLOCATED"));
        assertEquals(44, counts.getInt("FREE"));

        JsonArray bySeller = SecurityIT.array(organizer.get("api/v1/sales-status/sellers?performanceId=" + f.performanceId()).body());
        assertEquals(2, bySeller.size(), bySeller.toString());
        JsonObject city = bySeller.getJsonObject(0);
        JsonObject plaza = bySeller.getJsonObject(1);
        assertEquals(f.cityCode(), city.getString("sellerCode"));
        assertEquals(6, city.getInt("allocated"));
        assertEquals(0, city.getInt("sold"));
        assertEquals(10, plaza.getInt("allocated"));
        assertEquals(4, plaza.getInt("sold"));
        assertEquals(6, plaza.getInt("unsold"));
        assertEquals(32000, plaza.getInt("amount"));
        JsonArray ownSales = SecurityIT.array(seller1.get("api/v1/sales-status/sellers?eventId=" + f.eventId()).body());
        assertEquals(1, ownSales.size(), "a seller sees only its own sales");
        // City's map shows Plaza's ten seats as another seller's, not which of them sold; its own six as unsold.
        JsonObject cityMap = f.seller2().get("api/v1/sales-status/seats?performanceId=" + f.performanceId()).json();
        JsonObject cityCounts = cityMap.getJsonObject("counts");
        assertEquals(10, cityCounts.getInt("ELSEWHERE"), cityCounts.toString());
        assertEquals(0, cityCounts.getInt("SOLD"), cityCounts.toString());
        assertEquals(6, cityCounts.getInt("ALLOCATED"), cityCounts.toString());
        JsonObject c3 = cityMap.getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                .filter(seat -> seat.getString("seat").equals("C3")).findFirst().orElseThrow();
        assertEquals("ELSEWHERE", c3.getString("status"), c3.toString());
        assertTrue(!c3.containsKey("sellerId") || c3.isNull("sellerId"), c3.toString());
        String cityPdf = pdfText(f.seller2().download("api/v1/sales-status/report/vacancy?performanceId=" + f.performanceId()));
        assertTrue(cityPdf.contains("ELSEWHERE: 10") && cityPdf.contains("SOLD: 0"), cityPdf);
        assertFalse(counts.containsKey("ELSEWHERE"), "the organizer sees every seat as it stands");

        JsonArray byType = SecurityIT.array(organizer.get("api/v1/sales-status/seat-types?eventId=" + f.eventId()).body());
        JsonObject typeA = byType.getJsonObject(0);
        assertEquals("A", typeA.getString("seatType"));
        assertEquals(40, typeA.getInt("seats"));
        assertEquals(24, typeA.getInt("free"));
        assertEquals(12, typeA.getInt("allocated"));
        assertEquals(4, typeA.getInt("sold"));
        assertEquals(32000, typeA.getInt("amount"));
        assertEquals(20, byType.getJsonObject(1).getInt("free"), "no S seat is allocated");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonArray daily = SecurityIT.array(organizer.get("api/v1/sales-status/daily?eventId=" + f.eventId()).body());
        assertEquals(1, daily.size(), daily.toString());
        assertEquals(today.toString(), daily.getJsonObject(0).getString("period"));
        assertEquals(4, daily.getJsonObject(0).getInt("tickets"));
        assertEquals(32000, daily.getJsonObject(0).getInt("amount"));
        JsonArray monthly = SecurityIT.array(organizer.get("api/v1/sales-status/monthly?eventId=" + f.eventId()).body());
        assertEquals(YearMonth.from(today).toString(), monthly.getJsonObject(0).getString("period"));
        assertEquals(4, monthly.getJsonObject(0).getInt("tickets"));

        String sellersPdf = pdfText(organizer.download("api/v1/sales-status/report/sellers?eventId=" + f.eventId()));
        assertTrue(sellersPdf.contains("Test Plaza") && sellersPdf.contains("32000 JPY"), sellersPdf);
        String vacancyPdf = pdfText(organizer.download("api/v1/sales-status/report/vacancy?performanceId=" + f.performanceId()));
        assertTrue(vacancyPdf.contains("SOLD: 4") && vacancyPdf.contains("FREE: 44"), vacancyPdf);
        assertTrue(pdfText(organizer.download("api/v1/sales-status/report/daily?eventId=" + f.eventId())).contains(today.toString()));
        assertTrue(pdfText(organizer.download("api/v1/sales-status/report/seat-types?eventId=" + f.eventId())).contains("A seat"));
        assertTrue(pdfText(organizer.download("api/v1/sales-status/report/monthly?eventId=" + f.eventId()))
                .contains(YearMonth.from(today).toString()));
        assertEquals(400, organizer.download("api/v1/sales-status/report/yearly?eventId=" + f.eventId()).status());
        assertEquals(403, Api.demo(base, "fanclub").get("api/v1/sales-status/sellers?eventId=" + f.eventId()).status(),
                "a seller not authorized for the event sees nothing of it");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static long created(Api.Response r) {
        assertEquals(201, r.status(), r.body());
        return r.id();
    }

    /** A login for a test seller; without a display name, so the demo-data check still counts ten demo logins. */
    private Api login(Api admin, String username, long sellerId) {
        String password = "test-" + username + "-pw";
        Api.Response r = admin.post("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"seller\",\"partyId\":" + sellerId + "}");
        assertEquals(201, r.status(), r.body());
        return Api.as(base, username, password);
    }

    private static JsonObject quota(Api organizer, Fixture f, String sellerCode) {
        return SecurityIT.array(organizer.get("api/v1/allocations/quotas?performanceId=" + f.performanceId()).body()).stream()
                .map(v -> v.asJsonObject()).filter(o -> o.getString("sellerCode").equals(sellerCode)).findFirst().orElseThrow();
    }

    /** Checks the answer is a real PDF and returns its text as the PDF library reads it. */
    private static String pdfText(Api.Binary pdf) throws Exception {
        assertEquals(200, pdf.status(), new String(pdf.body(), StandardCharsets.UTF_8));
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        PdfReader reader = new PdfReader(pdf.body());
        try {
            StringBuilder sb = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                sb.append(extractor.getTextFromPage(page)).append('\n');
            }
            assertFalse(sb.toString().isBlank(), "the PDF has text");
            return sb.toString();
        } finally {
            reader.close();
        }
    }

    private static <T> T await(CyclicBarrier barrier, java.util.function.Supplier<T> action) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return action.get();
    }
}
