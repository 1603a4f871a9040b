package org.eticket.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eticket.platform.ValidationException;

/** What every resource does with its input and its answer to a create. */
final class Requests {

    static final String DEFAULT_PAGE = "0";
    static final String DEFAULT_SIZE = "20";
    static final String BODY_REQUIRED = "a JSON request body is required";

    private Requests() {
    }

    /** A request with no body and no Content-Type reaches the method as null (Jersey). */
    static <T> T body(T body) {
        if (body == null) {
            throw new ValidationException(BODY_REQUIRED);
        }
        return body;
    }

    /**
     * Query numbers are taken as text: JAX-RS answers a bad {@code @QueryParam} number with 404,
     * which would read as "no such resource".
     */
    static int page(String text) {
        return whole("page", text);
    }

    static int size(String text) {
        return whole("size", text);
    }

    static Long optionalId(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name + " must be a record id, was \"" + shorten(text) + "\"");
        }
    }

    static Integer optionalWhole(String name, String text) {
        return text == null || text.isBlank() ? null : whole(name, text);
    }

    /** 201 with the new record's address and the record itself. */
    static Response created(UriInfo uri, Object body, String template, Object... values) {
        URI location = uri.getBaseUriBuilder().path(template).build(values);
        return Response.created(location).entity(body).build();
    }

    private static int whole(String name, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name + " must be a whole number, was \"" + shorten(text) + "\"");
        }
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
