package org.eticket.connector.terminal;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;

/**
 * A terminal's configuration: a properties file, each key overridable on the command line
 * as {@code --key=value}. Keys: terminal.id, terminal.kind (HOME_READER, KIOSK, GATE,
 * DISPENSER), center.url (where the platform's web application answers, for enrollment),
 * adapter.host, adapter.port, data.dir, enrollment.code (needed once, until enrolled),
 * reader (part of the PC/SC reader name; empty: the first reader), log.batch.seconds.
 * The key store password comes from ETICKET_TERMINAL_KEYSTORE_PASSWORD, else a generated
 * owner-only file in data.dir.
 */
public record TerminalConfig(String terminalId, String kind, URI centerUrl, String adapterHost, int adapterPort,
                             Path dataDirectory, String enrollmentCode, String reader, Duration logBatchInterval) {

    public static TerminalConfig from(Path file, String... overrides) throws IOException {
        Properties p = new Properties();
        if (file != null) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        for (String o : overrides) {
            if (!o.startsWith("--") || !o.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + o);
            }
            p.setProperty(o.substring(2, o.indexOf('=')), o.substring(o.indexOf('=') + 1));
        }
        String id = required(p, "terminal.id");
        String kind = required(p, "terminal.kind").toUpperCase(Locale.ROOT);
        String center = p.getProperty("center.url", "http://localhost:8080/eticket/");
        return new TerminalConfig(id, kind, URI.create(center.endsWith("/") ? center : center + "/"),
                p.getProperty("adapter.host", "localhost"), Integer.parseInt(p.getProperty("adapter.port", "7400")),
                Path.of(p.getProperty("data.dir", "terminal-data")), p.getProperty("enrollment.code"),
                p.getProperty("reader", ""), Duration.ofSeconds(Long.parseLong(p.getProperty("log.batch.seconds", "60"))));
    }

    /** The key store password: from the environment, else generated once into an owner-only file. */
    public char[] keystorePassword() throws IOException {
        String given = System.getenv("ETICKET_TERMINAL_KEYSTORE_PASSWORD");
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        Files.createDirectories(dataDirectory);
        Path file = dataDirectory.resolve("terminal.password");
        if (!Files.exists(file)) {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX: the data directory's ACL protects it
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.strip();
    }
}
