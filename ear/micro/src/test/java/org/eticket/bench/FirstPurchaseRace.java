package org.eticket.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A stress run, by hand (run-bench.sh with BENCH_RACE=rounds): in each round, fresh customers
 * each make several first purchases at once, so they race to open their points accounts and
 * to read them. A purchase that gets no answer within 20 s is counted as hung; the exit status
 * is 1 if any did. This is how EclipseLink's lost cache lock on a new points account was
 * found: 2 hangs in 54 customers' races before LedgerAccount left the shared cache, none in
 * 1,200 after. Arguments: base URL, rounds, purchases per customer, customers per round.
 */
public final class FirstPurchaseRace {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FirstPurchaseRace() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        int perCustomer = Integer.parseInt(args[2]);
        int customers = Integer.parseInt(args[3]);
        List<long[]> seats = PurchaseLoad.benchSeats(new PurchaseLoad.Client(URI.create(base), "alice"));
        if (seats.size() < rounds * perCustomer * customers) {
            throw new IllegalStateException("only " + seats.size() + " free BENCH-2026 seats for " + rounds * perCustomer * customers
                    + " purchases");
        }
        int next = 0;
        int hung = 0;
        ExecutorService pool = Executors.newCachedThreadPool();
        for (int round = 0; round < rounds; round++) {
            List<String> buyers = new ArrayList<>();
            for (int b = 0; b < customers; b++) {
                buyers.add(newCustomer(base, "race" + round + "c" + b + "n" + System.nanoTime() % 1_000_000));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> purchases = new ArrayList<>();
            for (int i = 0; i < perCustomer * customers; i++) {
                String buyer = buyers.get(i % customers);
                long[] seat = seats.get(next++);
                String body = "{\"performanceId\":" + seat[0] + ",\"sellerId\":" + seat[1] + ",\"seats\":[\""
                        + PurchaseLoad.label(seat) + "\"],\"payment\":" + PurchaseLoad.CARD + "}";
                purchases.add(pool.submit(() -> {
                    go.await();
                    try {
                        return post(base, buyer, "demo-" + buyer, "api/v1/purchases", body, 20).statusCode();
                    } catch (HttpTimeoutException e) {
                        return -1;
                    }
                }));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> f : purchases) {
                statuses.merge(f.get(), 1, Integer::sum);
            }
            hung += statuses.getOrDefault(-1, 0);
            System.out.printf("round %d: statuses %s%s%n", round, statuses, statuses.containsKey(-1) ? " (-1: no answer in 20 s)" : "");
        }
        pool.shutdownNow();
        System.out.printf("%d rounds of %d customers x %d first purchases at once: %d purchases hung%n", rounds, customers,
                perCustomer, hung);
        System.exit(hung == 0 ? 0 : 1);
    }

    /** A customer with a sign-in, as the platform's admin opens one (password demo-name, as the demo's). */
    private static String newCustomer(String base, String name) throws Exception {
        HttpResponse<String> customer = post(base, "admin", "demo-admin", "api/v1/customers",
                "{\"name\":\"Race " + name + "\",\"email\":\"" + name + "@example.org\"}", 30);
        HttpResponse<String> account = post(base, "admin", "demo-admin", "api/v1/accounts", "{\"username\":\"" + name
                + "\",\"password\":\"demo-" + name + "\",\"role\":\"customer\",\"partyId\":" + PurchaseLoad.number(customer.body(), "id")
                + "}", 30);
        if (account.statusCode() != 201) {
            throw new IllegalStateException("account for " + name + ": " + account.body());
        }
        return name;
    }

    private static HttpResponse<String> post(String base, String user, String password, String path, String json, int seconds)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(seconds))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
