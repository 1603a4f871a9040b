package org.eticket.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the REST purchase path ({@code POST /api/v1/purchases}), run by hand
 * against a Payara Micro on loopback started with bench stock; not part of CI. Each client
 * thread signs in once (HTTP Basic, then the session cookie, so the PBKDF2 check is not
 * what is measured), buys one named seat per request from its own share of the
 * BENCH-2026 stock, and records the latency. A tiny SMTP sink on the mail port takes the
 * download notices the server sends after each commit. At the end the platform's own
 * reconciliation says whether every seat was sold once and the money matches. The first
 * {@code warmup} seconds buy too but are not counted (the JIT compiles the purchase path then).
 *
 * <pre>
 * java org.eticket.bench.PurchaseLoad [base=http://localhost:8080/eticket/] [threads=32] [seconds=30] [smtpPort=2525] [warmup=0] [serverPid]
 * </pre>
 * With the server's process id (Linux), the CPU time the server spent in the measured window
 * (utime+stime from /proc) is divided by the purchases: far less noisy than purchases per
 * second on a shared machine. The load generator's own CPU in the window is printed too.
 */
public final class PurchaseLoad {

    static final String CARD = "{\"method\":\"CARD\",\"cardNumber\":\"4111111111111111\",\"expiryMonth\":12,"
            + "\"expiryYear\":2030,\"cvc\":\"123\"}";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080/eticket/");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int smtpPort = args.length > 3 ? Integer.parseInt(args[3]) : 2525;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        long serverPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        String probe = System.getProperty("bench.probe"); // a GET path measured instead of purchases
        Thread sink = new Thread(() -> smtpSink(smtpPort), "smtp-sink");
        sink.setDaemon(true);
        sink.start();

        Client admin = new Client(base, "admin");
        List<long[]> seats = benchSeats(new Client(base, "alice"));
        System.out.printf("bench stock: %d free seats; %d threads for %d s after %d s warm-up%n", seats.size(), threads,
                seconds, warmup);

        String[] buyers = {"alice", "bob", "carol"};
        long[] latencies = new long[probe != null ? 4_000_000 : seats.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refusedBySession = new AtomicInteger();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2]; // the measured window; requests started before window[0] are warm-up
        AtomicInteger warmed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Client c = new Client(base, buyers[t % buyers.length]);
            Thread w = new Thread(() -> {
                c.get("api/v1/wallet"); // signs in once; the session cookie carries the rest
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < window[1]) {
                    int i = next.getAndIncrement();
                    if (i >= latencies.length) {
                        return;
                    }
                    long[] s = seats.get(i % seats.size());
                    if (probe != null) {
                        // the floor: what one light authenticated request costs, with no purchase in it
                        long t0 = System.nanoTime();
                        int status = c.get(probe).statusCode();
                        if (t0 >= window[0]) {
                            latencies[i] = System.nanoTime() - t0;
                            statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                            done.incrementAndGet();
                        } else {
                            warmed.incrementAndGet();
                        }
                        continue;
                    }
                    String body = "{\"performanceId\":" + s[0] + ",\"sellerId\":" + s[1] + ",\"seats\":[\"" + label(s) + "\"],"
                            + "\"payment\":" + CARD + "}";
                    long t0 = System.nanoTime();
                    boolean counted = t0 >= window[0];
                    Reply r = c.post("api/v1/purchases", body);
                    if (r.statusCode() == 403 && r.body().startsWith("<")) {
                        // the container's own refusal (the request never reached the API): sign in again, once
                        refusedBySession.incrementAndGet();
                        c.signOut();
                        r = c.post("api/v1/purchases", body);
                    }
                    int status = r.statusCode();
                    if (!counted) {
                        warmed.incrementAndGet();
                        continue;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    if (statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet() == 1 && status != 201) {
                        System.out.println("first " + status + ": " + r.body());
                    }
                    done.incrementAndGet();
                }
            }, "buyer-" + t);
            workers.add(w);
            w.start();
        }
        ready.await();
        window[0] = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        window[1] = window[0] + Duration.ofSeconds(seconds).toNanos();
        go.countDown();
        // CPU of server and of this generator over the measured window, sampled at its edges
        sleepUntil(window[0]);
        long server0 = cpuNanos(serverPid);
        long self0 = selfCpuNanos();
        int done0 = done.get();
        sleepUntil(window[1]);
        long server1 = cpuNanos(serverPid);
        long self1 = selfCpuNanos();
        int done1 = done.get();
        for (Thread w : workers) {
            w.join();
        }
        long elapsed = Math.min(System.nanoTime(), window[1]) - window[0];
        int n = done.get();
        long[] measured = Arrays.copyOf(Arrays.stream(latencies).filter(l -> l > 0).toArray(), n);
        Arrays.sort(measured);
        System.out.printf("warm-up purchases (not counted): %d%n", warmed.get());
        System.out.printf("purchases: %d in %.1f s = %.0f purchases/s; statuses %s; session refusals retried %d%n", n,
                elapsed / 1e9, n / (elapsed / 1e9), new TreeMap<>(statuses), refusedBySession.get());
        if (n > 0) {
            System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(measured, 50), pct(measured, 90),
                    pct(measured, 99), measured[measured.length - 1] / 1e6);
        }
        int inWindow = Math.max(1, done1 - done0);
        System.out.printf("CPU in the window: server %s, load generator %.2f ms/purchase (%d purchases completed in it)%n",
                server0 < 0 ? "unknown (no pid)" : String.format("%.2f ms/purchase (%.0f%% of one core)",
                        (server1 - server0) / 1e6 / inWindow, 100.0 * (server1 - server0) / elapsed),
                (self1 - self0) / 1e6 / inWindow, inWindow);
        String books = admin.get("api/v1/sales-reconciliation").body();
        System.out.println("reconciliation: " + books);
        long sold = number(books, "soldTickets");
        long lines = number(books, "orderLines");
        System.out.println(sold == lines && number(books, "orderTotal") == number(books, "journalSales")
                && number(books, "orderCard") == number(books, "acquirerCapturedForOrders")
                ? "OK: every sold seat in exactly one order line; journal and acquirer equal the orders"
                : "MISMATCH in the books above");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** utime+stime of a process from /proc/PID/stat, in nanoseconds; -1 when unknown. */
    private static long cpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat(5): after the command, index 11 and 12; clock ticks of 1/100 s
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long selfCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Every free seat of every BENCH-2026 performance: {performance, seller, row, column}. */
    static List<long[]> benchSeats(Client c) {
        List<long[]> seats = new ArrayList<>();
        String perfs = c.get("api/v1/shop/performances").body();
        Matcher p = Pattern.compile("\\{[^{}]*\"eventCode\":\"BENCH-2026\"[^{}]*}").matcher(perfs);
        while (p.find()) {
            long perf = number(p.group(), "id");
            String sellers = c.get("api/v1/shop/performances/" + perf + "/sellers").body();
            long seller = number(sellers, "sellerId");
            String list = c.get("api/v1/shop/performances/" + perf + "/seats?sellerId=" + seller).body();
            Matcher s = Pattern.compile("\\{[^{}]*}").matcher(list);
            while (s.find()) {
                if (s.group().contains("\"available\":true")) {
                    seats.add(new long[] {perf, seller, number(s.group(), "row"), number(s.group(), "column")});
                }
            }
        }
        if (seats.isEmpty()) {
            throw new IllegalStateException("no BENCH-2026 stock: start the server with -Deticket.demo.bench-performances=N"
                    + " on a fresh database");
        }
        return seats;
    }

    static String label(long[] seat) {
        int column = (int) seat[3];
        StringBuilder letters = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + seat[2];
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** Accepts every mail and forgets it: enough SMTP for the server's notices. */
    private static void smtpSink(int port) {
        try (ServerSocket server = new ServerSocket(port)) {
            smtpSink(server);
        } catch (IOException e) {
            System.err.println("SMTP sink on port " + port + " not started: " + e);
        }
    }

    /** The same on a server socket already open, until it is closed (also NoticeMailFloor's sink). */
    static void smtpSink(ServerSocket server) {
        try {
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> converse(s), "smtp");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // the sink is no longer needed
        }
    }

    private static void converse(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 sink");
            boolean data = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        reply(out, "250 ok");
                    }
                    continue;
                }
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        data = true;
                        reply(out, "354 go on");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the server hung up; nothing to keep
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A response as the generator needs it: status and body. */
    record Reply(int statusCode, String body, String cookie) {
    }

    /**
     * One signed-in user on one kept-alive HTTP/1.1 connection: HTTP Basic on the first request,
     * the session cookie after that. Plain socket I/O with the request bytes built by hand, so the
     * generator's own CPU per request stays small next to the server's on this shared machine
     * (java.net.http cost about 1.2 ms of CPU per purchase here).
     */
    static final class Client {
        private final URI base;
        private final String basic;
        private String cookie;
        private Socket socket;
        private java.io.BufferedInputStream in;
        private OutputStream out;

        Client(URI base, String user) {
            this.base = base;
            this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8));
        }

        void signOut() {
            cookie = null;
        }

        Reply get(String path) {
            return send("GET", path, null);
        }

        Reply post(String path, String json) {
            return send("POST", path, json);
        }

        private Reply send(String method, String path, String json) {
            for (int attempt = 0; ; attempt++) {
                try {
                    return exchange(method, path, json);
                } catch (IOException e) {
                    close(); // the server closed the kept-alive connection: open a new one, once
                    if (attempt > 0) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }

        private Reply exchange(String method, String path, String json) throws IOException {
            if (socket == null) {
                socket = new Socket(base.getHost(), base.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
            }
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder(256).append(method).append(' ').append(base.getPath()).append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort())
                    .append("\r\nAccept: application/json\r\n");
            h.append(cookie != null ? "Cookie: " + cookie : "Authorization: " + basic).append("\r\n");
            if (json != null) {
                h.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            out.write(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            if (status == null) {
                throw new java.io.EOFException("connection closed");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String l; !(l = line()).isEmpty(); ) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closes = value.equalsIgnoreCase("close");
                    case "set-cookie" -> {
                        if (value.startsWith("JSESSIONID=")) {
                            cookie = value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';'));
                        }
                    }
                    default -> {
                    }
                }
            }
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                    content.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                content.write(in.readNBytes(length));
            }
            if (closes) {
                close();
            }
            if (code == 401) {
                cookie = null; // session lost: sign in again next time
            }
            return new Reply(code, content.toString(StandardCharsets.UTF_8), cookie);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
