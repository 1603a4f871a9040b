package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (run only by the profile seatmap-bench): opens the seat map's benchmark
 * page in headless Chromium for 1,000 / 10,000 / 50,000 seats, several times each, and reports the
 * median time to first draw and to select a 1,000-seat rectangle by a mouse drag.
 */
class SeatMapBenchmark {

    private static final int RUNS = 7;

    @Test
    void seatMapTimings() throws IOException {
        Path page = Path.of(System.getProperty("seatmap.bench.page")).toAbsolutePath().normalize();
        Path out = Path.of(System.getProperty("seatmap.bench.out", "target/seatmap-bench.txt"));
        StringBuilder report = new StringBuilder("seats  first draw ms (median, min-max)  select 1,000 seats ms (median, min-max)  JSON bytes\n");
        try (Browser browser = new Browser(out.getParent())) {
            for (int seats : new int[] {1_000, 10_000, 50_000}) {
                List<Double> draw = new ArrayList<>();
                List<Double> select = new ArrayList<>();
                long bytes = 0;
                for (int run = 0; run < RUNS; run++) {
                    browser.driver.get(page.toUri() + "?seats=" + seats);
                    browser.waiting().until(d -> browser.js("return window.benchResult || null") != null);
                    JsonObject r = Json.createReader(new StringReader((String) browser.js("return JSON.stringify(window.benchResult)"))).readObject();
                    assertEquals(1_000, r.getInt("selected"), "the dragged rectangle holds 1,000 seats");
                    draw.add(r.getJsonNumber("firstDrawMs").doubleValue());
                    select.add(r.getJsonNumber("selectMs").doubleValue());
                    bytes = r.getJsonNumber("jsonBytes").longValue();
                }
                browser.screenshot("bench-" + seats);
                report.append(String.format("%6d  %s  %s  %d%n", seats, stats(draw), stats(select), bytes));
            }
        }
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String stats(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%6.1f (%5.1f-%5.1f)", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
