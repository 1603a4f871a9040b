package org.eticket.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;

/**
 * Turns whatever a request threw into an {@link ErrorDto}. One place, so every mapper answers
 * alike and an exception wrapped by the EJB container is judged by its cause.
 */
final class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final String INVALID_JSON = "the request body is not valid JSON for this resource: ";
    private static final int MAX_DETAIL = 300;

    private ApiErrors() {
    }

    static Response toResponse(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof ValidationException) {
            return error(400, t.getMessage());
        }
        if (t instanceof NotFoundException) {
            return error(404, t.getMessage());
        }
        if (t instanceof ConflictException) {
            return error(409, t.getMessage());
        }
        if (t instanceof AccessDeniedException) {
            return error(403, t.getMessage());
        }
        if (t instanceof EJBAccessException) {
            // The container's text names the bean method; the caller only needs to know the role is wrong.
            return error(403, "you may not do this: your role does not allow it");
        }
        ExactNumberParser.NumberOutOfRangeException number = find(t, ExactNumberParser.NumberOutOfRangeException.class);
        if (number != null) {
            return error(400, number.getMessage());
        }
        if (t instanceof BadRequestException && has(t, NoContentException.class)) {
            return error(400, Requests.BODY_REQUIRED);
        }
        if (t instanceof WebApplicationException wae && !(t instanceof BadRequestException && isJson(t))) {
            return webApplication(wae);
        }
        if (t instanceof BadRequestException || t instanceof JsonbException || t instanceof ProcessingException) {
            return error(400, INVALID_JSON + jsonDetail(t));
        }
        if (hasNamed(t, "OptimisticLockException")) {
            return error(409, "the record was changed by someone else meanwhile; read it again and retry");
        }
        if (isDuplicate(t)) {
            return error(409, "the record clashes with one stored meanwhile (a duplicate); read again and retry");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API request failed, reference " + reference, thrown);
        return error(500, "an unexpected error occurred; it is logged under reference " + reference);
    }

    static Response error(int status, String message) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "Error" : type.getReasonPhrase();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorDto(status, reason, message)).build();
    }

    /** Keeps the status and headers (Allow on 405, say) and gives the body the API's shape. */
    private static Response webApplication(WebApplicationException wae) {
        Response original = wae.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "Error" : type.getReasonPhrase();
        String message = wae.getMessage() == null ? "HTTP " + status + " " + reason : wae.getMessage();
        Response.ResponseBuilder b = original == null ? Response.status(status) : Response.fromResponse(original);
        return b.type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorDto(status, reason, message)).build();
    }

    /** Application exceptions come through as thrown; anything else the container wraps, maybe twice. */
    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; depth < 10 && t instanceof EJBException e && !(t instanceof EJBAccessException); depth++) {
            Throwable cause = e.getCausedByException() != null ? e.getCausedByException() : e.getCause();
            if (cause == null || cause == t) {
                break;
            }
            t = cause;
        }
        return t;
    }

    private static boolean isJson(Throwable t) {
        return has(t, JsonbException.class) || has(t, JsonException.class) || has(t, ProcessingException.class);
    }

    /** The reader's own words (property, value, position) are in the first JSON-B or JSON-P exception. */
    private static String jsonDetail(Throwable t) {
        Throwable detail = null;
        Throwable innermost = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (detail == null && (c instanceof JsonbException || c instanceof JsonException)) {
                detail = c;
            }
            innermost = c;
        }
        String message = (detail != null ? detail : innermost).getMessage();
        if (message == null || message.isBlank()) {
            message = "it could not be read";
        }
        // Yasson calls a parse error "Internal error" and suggests @JsonbDateFormat for a bad date: no help to a caller.
        message = message.strip().replaceAll("\\s+", " ").replaceFirst("^Internal error: ", "");
        int hint = message.indexOf(" Check your @JsonbDateFormat");
        if (hint > 0) {
            message = message.substring(0, hint);
        }
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL - 3) + "..." : message;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** By simple name: EclipseLink has its own OptimisticLockException beside the JPA one. */
    private static boolean hasNamed(Throwable t, String simpleName) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** A unique key hit by a concurrent write that passed the service's own duplicate check (SQL state 23xxx). */
    private static boolean isDuplicate(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
