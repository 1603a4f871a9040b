package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;

/**
 * The demo data as the ITs reach it over the API, on the test side (nothing of it is deployed):
 * the demo customers, chips the platform personalized and seller1 registered to one of them, the
 * AURORA-2026 performances and their sellers, and alice buying seats of Ticket Plaza's stock.
 */
final class DemoFixture {

    private final Api admin;
    private final Api alice;
    private final Api organizer;
    private final Api seller1;

    DemoFixture(URL base) {
        admin = Api.demo(base, "admin");
        alice = Api.demo(base, "alice");
        organizer = Api.demo(base, "organizer");
        seller1 = Api.demo(base, "seller1");
    }

    /** The organizer lets AURORA-2026's orders be downloaded to a chip at once, without the sales terms' delay. */
    void downloadsWithoutDelay() {
        Api.Response terms = organizer.put("api/v1/sales-terms/" + eventId(), "{\"downloadDelayMinutes\":0}");
        assertEquals(200, terms.status(), terms.body());
    }

    /** Registers a new customer (platform admin) with a login of this password; returns the username. */
    String newCustomer(String name, String password) {
        String username = Api.unique(name.substring(0, name.indexOf(' '))).toLowerCase();
        Api.Response customer = admin.post("api/v1/customers", "{\"name\":\"" + name + "\",\"email\":\"" + username
                + "@example.org\"}");
        assertEquals(201, customer.status(), customer.body());
        Api.Response account = admin.post("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"customer\",\"partyId\":" + customer.id() + "}");
        assertEquals(201, account.status(), account.body());
        return username;
    }

    /** The customer ID of a demo customer. */
    long customer(String email) {
        return admin.get("api/v1/customers?q=" + email).json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** A chip personalized by the platform and registered by seller1 to the customer, with its registry ID. */
    EmulatedChip registeredChip(long customerId) throws Exception {
        EmulatedChip chip = EmulatedChip.personalize(admin);
        String email = admin.get("api/v1/customers/" + customerId).json().getString("email");
        Api.Response r = seller1.post("api/v1/chips", "{\"uid\":\"" + chip.uid + "\",\"customerId\":" + customerId
                + ",\"email\":\"" + email + "\"}");
        assertEquals(201, r.status(), r.body());
        chip.id = r.id();
        return chip;
    }

    /** AURORA-2026's performances on sale, in the shop's order. */
    List<JsonObject> aurora() {
        return SecurityIT.array(alice.get("api/v1/shop/performances").body()).stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("eventCode").equals("AURORA-2026")).toList();
    }

    long performance(int index) {
        return aurora().get(index).getJsonNumber("id").longValue();
    }

    long eventId() {
        return aurora().get(0).getJsonNumber("eventId").longValue();
    }

    /** The seller ID of the seller with this code on the performance (PLAZA, CITY, AURORA-FC). */
    long seller(long performance, String code) {
        return SecurityIT.array(alice.get("api/v1/shop/performances/" + performance + "/sellers").body()).stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("code").equals(code)).findFirst()
                .orElseThrow().getJsonNumber("sellerId").longValue();
    }

    /** The seats of a seller's stock free now, in seat order, as {@code as} sees them. */
    List<String> freeSeats(Api as, long performance, long seller) {
        return SecurityIT.array(as.get("api/v1/shop/performances/" + performance + "/seats?sellerId=" + seller).body())
                .stream().map(JsonValue::asJsonObject).filter(s -> s.getBoolean("available"))
                .map(s -> s.getString("seat")).toList();
    }

    /** Alice buys {@code count} free seats of Ticket Plaza for the AURORA performance {@code index}; returns the order ID. */
    long buy(int index, int count) {
        long perf = performance(index);
        long plaza = seller(perf, "PLAZA");
        List<String> seats = freeSeats(alice, perf, plaza).stream().limit(count).toList();
        Api.Response paid = alice.post("api/v1/purchases", SellingIT.purchase(perf, plaza, seats, SellingIT.card(SellingIT.APPROVE)));
        assertEquals(201, paid.status(), paid.body());
        return paid.id();
    }

    /** The ticket of an order's first line. */
    long ticketOf(long orderId) {
        Api.Response o = alice.get("api/v1/orders/" + orderId);
        assertEquals(200, o.status(), o.body());
        return o.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("ticketId").longValue();
    }
}
