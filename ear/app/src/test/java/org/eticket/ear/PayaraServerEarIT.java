package org.eticket.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Deploys {@code target/eticket.ear} to a real Payara Server 6 (the full distribution, unpacked
 * into {@code target/payara6} by the build) and checks that the platform answers.
 *
 * <p>Each run creates a fresh domain {@value #DOMAIN} under {@code target/payara-it} on a port
 * base of its own (the first free one from {@code earIT.portBase}, default 28000: admin = base+48,
 * HTTP = base+80, terminals = base+95), so it clashes neither with a default domain
 * (4848/8080) nor with the Payara Micro tests. A domain left running by an interrupted run is
 * stopped before its directory is removed; the domain started here is always stopped in
 * {@link #stopDomain()}. When anything fails, the tail of {@code server.log} is printed.
 *
 * <p>Run by maven-failsafe-plugin in {@code verify}; {@code -DskipEarIT=true} skips it.
 */
class PayaraServerEarIT {

    static final String DOMAIN = "eticket-it";
    /** Offsets from the port base that a domain created with {@code --portbase} uses, plus ours for the terminals. */
    static final int[] PORT_OFFSETS = {37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86, 95};
    static final int ADMIN_OFFSET = 48;
    static final int HTTP_OFFSET = 80;
    static final int TERMINAL_OFFSET = 95;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("earIT.timeoutSeconds", 180));
    /** A demo login (DemoData.LOGINS; the demo data is loaded because eticket.demo.enabled=true). */
    static final String DEMO_USER = "admin";
    static final String DEMO_PASSWORD = "demo-admin";

    static Path payaraHome;
    static Path ear;
    static Path work;
    static Path domainsDir;
    static Path domainDir;
    static Path asadminLog;
    static int adminPort;
    static int httpPort;
    static int terminalPort;
    static volatile boolean domainStartAttempted;
    /** Stops the domain if the test JVM ends before {@link #stopDomain()} (e.g. the build is interrupted). */
    static final Thread STOP_ON_EXIT = new Thread(PayaraServerEarIT::stopDomainQuietly, "stop " + DOMAIN);
    static final AtomicBoolean logPrinted = new AtomicBoolean();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @RegisterExtension
    static final TestWatcher PRINT_LOG_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printServerLogTail(context.getDisplayName() + " failed: " + cause);
        }
    };

    @BeforeAll
    static void deployEar() throws Exception {
        payaraHome = Paths.get(required("earIT.payaraHome")).toAbsolutePath();
        ear = Paths.get(required("earIT.ear")).toAbsolutePath();
        work = Paths.get(required("earIT.workDir")).toAbsolutePath();
        domainsDir = work.resolve("domains");
        domainDir = domainsDir.resolve(DOMAIN);
        asadminLog = work.resolve("asadmin.log");
        assertTrue(Files.isRegularFile(asadminScript()), "Payara Server not unpacked at " + payaraHome);
        assertTrue(Files.isRegularFile(ear), "no EAR at " + ear + " (run mvn package first)");

        long t0 = System.nanoTime();
        try {
            removeLeftoverDomain();
            Files.createDirectories(work);

            int base = choosePortBase(Integer.getInteger("earIT.portBase", 28000));
            adminPort = base + ADMIN_OFFSET;
            httpPort = base + HTTP_OFFSET;
            terminalPort = base + TERMINAL_OFFSET;
            log("port base " + base + ": admin " + adminPort + ", http " + httpPort + ", terminals " + terminalPort);

            asadmin(Duration.ofMinutes(3), "create-domain", "--nopassword=true", "--portbase", String.valueOf(base),
                    "--domaindir", domainsDir.toString(), DOMAIN);
            addJvmOptions(List.of(
                    "-Deticket.db=" + work.resolve("db"),
                    "-Deticket.terminal.port=" + terminalPort,
                    "-Deticket.demo.enabled=true",
                    "-Dderby.stream.error.file=" + work.resolve("derby.log")));
            step(t0, "domain created");

            domainStartAttempted = true;
            Runtime.getRuntime().addShutdownHook(STOP_ON_EXIT);
            asadmin(Duration.ofMinutes(4), "start-domain", "--domaindir", domainsDir.toString(), DOMAIN);
            step(t0, "domain started");

            remote(Duration.ofMinutes(5), "deploy", ear.toString());
            step(t0, "EAR deployed");

            // The adapter embedded in eticket.ear is registered as "<application>#<rar module>".
            remote(Duration.ofMinutes(1), "create-connector-connection-pool",
                    "--raname", "eticket#eticket-connector",
                    "--connectiondefinition", "org.eticket.connector.api.TerminalConnectionFactory",
                    "--ping", "false", "eticket-terminal-pool");
            remote(Duration.ofMinutes(1), "create-connector-resource",
                    "--poolname", "eticket-terminal-pool", "jca/eticket/terminals");
            step(t0, "connector pool and resource created");

            awaitReady();
            step(t0, "ready");
        } catch (Throwable e) {
            printServerLogTail("setting up the domain failed: " + e);
            throw e;
        }
    }

    @AfterAll
    static void stopDomain() {
        if (!domainStartAttempted) {
            return;
        }
        long t0 = System.nanoTime();
        stopDomainQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(STOP_ON_EXIT);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down, or never registered
        }
        step(t0, "domain stopped");
    }

    @Test
    void readinessReportsDatabaseUpAndTerminalAdapterListening() throws Exception {
        HttpResponse<String> r = get("/health/ready", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject health = json(r.body());
        assertEquals("UP", health.getString("status"), r.body());
        JsonObject data = platformCheck(health).orElseThrow(
                () -> new AssertionError("no eticket-platform check in " + r.body())).getJsonObject("data");
        assertNotNull(data, r.body());
        assertEquals("up", data.getString("database", null), r.body());
        assertEquals("listening on port " + terminalPort, data.getString("terminalAdapter", null), r.body());
    }

    @Test
    void loginPageAnswers() throws Exception {
        HttpResponse<String> r = get("/eticket/login.xhtml", null);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void apiNeedsCredentials() throws Exception {
        HttpResponse<String> r = get("/eticket/api/v1/events", null);
        assertEquals(401, r.statusCode(), r.body());
    }

    @Test
    void apiAnswersASignedInUser() throws Exception {
        // The role mapping of the EAR (glassfish-application.xml) lets the identity store's groups in.
        HttpResponse<String> r = get("/eticket/api/v1/events", DEMO_USER + ":" + DEMO_PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r.body()).containsKey("items"), r.body());
    }

    // ---- readiness ---------------------------------------------------------------------------

    /**
     * Polls {@code /health/ready} until it answers 200 UP (bounded). The readiness test asks
     * again: Payara runs a check in the application's context only when a plain call throws
     * IllegalStateException (typically the first one), so one UP alone proves little.
     */
    static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get("/health/ready", null);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && "UP".equals(json(r.body()).getString("status", null))) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            Thread.sleep(500); // poll interval, bounded by the deadline
        }
        fail("/health/ready not UP within " + READY_TIMEOUT.toSeconds() + " s; last answer: " + last);
    }

    static Optional<JsonObject> platformCheck(JsonObject health) {
        for (JsonValue v : health.getJsonArray("checks")) {
            JsonObject check = v.asJsonObject();
            if ("eticket-platform".equals(check.getString("name", null))) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    static HttpResponse<String> get(String path, String basicCredentials) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(15))
                .GET();
        if (basicCredentials != null) {
            b.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    // ---- the domain ------------------------------------------------------------------------

    /** A domain directory from an earlier run: stop its server if it still runs, then remove it. */
    static void removeLeftoverDomain() throws IOException, InterruptedException {
        if (Files.isDirectory(domainDir)) {
            log("stopping and removing the domain left by an earlier run: " + domainDir);
            stopDomainQuietly();
        }
        deleteRecursively(work);
    }

    static void stopDomainQuietly() {
        if (domainDir == null || !Files.isDirectory(domainDir)) {
            return;
        }
        try {
            Result r = run(Duration.ofMinutes(2), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
            if (r.exitCode != 0) {
                run(Duration.ofMinutes(1), "stop-domain", "--kill=true", "--domaindir", domainsDir.toString(), DOMAIN);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            log("stop-domain failed: " + e);
        }
        // Last resort: the server process named in the domain's pid file, if it is still alive.
        Path pidFile = domainDir.resolve("config").resolve("pid");
        try {
            if (Files.isRegularFile(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(domainDir.toString())).orElse(false))
                        .ifPresent(p -> {
                            log("killing server process " + pid + " of " + domainDir);
                            p.destroyForcibly();
                            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                        });
            }
        } catch (IOException | RuntimeException e) {
            log("could not check " + pidFile + ": " + e);
        }
    }

    /** Adds JVM options to the server's java-config in domain.xml (before the first start). */
    static void addJvmOptions(List<String> options) throws IOException {
        Path domainXml = domainDir.resolve("config").resolve("domain.xml");
        String xml = Files.readString(domainXml);
        int config = xml.indexOf("<config name=\"server-config\"");
        int end = config < 0 ? -1 : xml.indexOf("</java-config>", config);
        if (end < 0) {
            throw new IllegalStateException("no java-config of server-config in " + domainXml);
        }
        StringBuilder added = new StringBuilder();
        for (String option : options) {
            added.append("    <jvm-options>").append(escapeXml(option)).append("</jvm-options>\n            ");
        }
        Files.writeString(domainXml, xml.substring(0, end) + added + xml.substring(end));
    }

    /** The first port base from {@code first} (in steps of 100) whose ports are all free. */
    static int choosePortBase(int first) {
        for (int base = first; base <= first + 3000 && base + 100 < 65536; base += 100) {
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                if (!portFree(base + offset)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base between " + first + " and " + (first + 3000));
    }

    /** Free for a listener: like the server's listeners, ignores connections lingering in TIME_WAIT. */
    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- asadmin -------------------------------------------------------------------------------

    record Result(int exitCode, String output) {
    }

    /** A remote command to the domain's admin port; fails the test unless it succeeds. */
    static Result remote(Duration timeout, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--host", "localhost", "--port", String.valueOf(adminPort)));
        args.addAll(List.of(command));
        return asadmin(timeout, args.toArray(String[]::new));
    }

    /** Runs asadmin; fails the test unless it exits with 0 within the timeout. */
    static Result asadmin(Duration timeout, String... args) throws IOException, InterruptedException {
        Result r = run(timeout, args);
        if (r.exitCode != 0) {
            fail("asadmin " + String.join(" ", args) + " failed (exit " + r.exitCode + "):\n" + r.output);
        }
        return r;
    }

    static Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(asadminScript().toString());
        cmd.add("--interactive=false");
        cmd.addAll(List.of(args));
        Files.createDirectories(work);
        Path out = Files.createTempFile(work, "asadmin-", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        // The domain runs on the JDK that runs the tests.
        pb.environment().put("AS_JAVA", System.getProperty("java.home"));
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit;
        if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            exit = -1;
        }
        String output = Files.readString(out);
        Files.deleteIfExists(out);
        if (exit == -1) {
            output += "\n(timed out after " + timeout.toSeconds() + " s)";
        }
        String line = "$ asadmin " + String.join(" ", args) + "   [exit " + exit + ", "
                + (System.nanoTime() - t0) / 1_000_000 + " ms]\n" + output + "\n";
        Files.writeString(asadminLog, line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new Result(exit, output);
    }

    static Path asadminScript() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return payaraHome.resolve("bin").resolve(windows ? "asadmin.bat" : "asadmin");
    }

    // ---- helpers -------------------------------------------------------------------------------

    static void printServerLogTail(String why) {
        if (!logPrinted.compareAndSet(false, true)) {
            return;
        }
        StringBuilder sb = new StringBuilder("\n===== PayaraServerEarIT: " + why + " =====\n");
        appendTail(sb, asadminLog, 60);
        appendTail(sb, domainDir == null ? null : domainDir.resolve("logs").resolve("server.log"), 200);
        sb.append("===== end of PayaraServerEarIT logs =====\n");
        System.out.println(sb);
    }

    static void appendTail(StringBuilder sb, Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            sb.append("(no ").append(file).append(")\n");
            return;
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            sb.append("----- last ").append(Math.min(lines, all.size())).append(" lines of ").append(file).append('\n');
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> sb.append(l).append('\n'));
        } catch (IOException | UncheckedIOException e) {
            sb.append("(cannot read ").append(file).append(": ").append(e).append(")\n");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " not set (run through Maven failsafe)");
        }
        return value;
    }

    static void step(long t0, String what) {
        log(String.format("%6.1f s  %s", (System.nanoTime() - t0) / 1e9, what));
    }

    static void log(String message) {
        System.out.println("[PayaraServerEarIT] " + message);
    }
}
