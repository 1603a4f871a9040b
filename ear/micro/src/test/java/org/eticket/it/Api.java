package org.eticket.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** A small HTTP client for the platform's REST API, signed in as one demo (or test) login. */
final class Api {

    record Response(int status, String body) {
        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                JsonStructure s = r.read();
                return s.asJsonObject();
            }
        }

        String message() {
            return json().getString("message");
        }

        long id() {
            return json().getJsonNumber("id").longValue();
        }
    }

    /** A file answer (PDF, CSV) as bytes. */
    record Binary(int status, String contentType, byte[] body) {
    }

    /** HTTP/1.1 as REST clients speak it: the default (HTTP/2) asks each new connection to upgrade (h2c). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String authorization;

    private Api(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The war the run command deploys, as built by this module. */
    static WebArchive platformWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    static Api as(URL deployment, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(URI.create(deployment.toString()), "Basic " + token);
    }

    static Api anonymous(URL deployment) {
        return new Api(URI.create(deployment.toString()), null);
    }

    /** A demo login: password is "demo-" + username. */
    static Api demo(URL deployment, String username) {
        return as(deployment, username, "demo-" + username);
    }

    Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    /** A screen, as a browser asks for it. */
    Response getHtml(String path) {
        return send("GET", path, null, "text/html");
    }

    Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Response postText(String path, String text) {
        return send("POST", path, text, "text/csv");
    }

    Response postJson(String path, String json, String contentType) {
        return send("POST", path, json, contentType);
    }

    /** GET accepting any type, for files. */
    Binary download(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "*/*").GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Response delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    private Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "GET".equals(method) && "text/html".equals(contentType) ? "text/html" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A code unique to this test run, so reruns on the same database never clash. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
