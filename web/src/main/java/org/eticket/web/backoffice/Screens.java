package org.eticket.web.backoffice;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.catalog.grid.GridException;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;

/**
 * Runs a screen's action against a service and turns the platform's exceptions into messages
 * for {@code p:messages}: the service's own sentence, which names what was wrong.
 */
final class Screens {

    private static final Logger LOG = Logger.getLogger(Screens.class.getName());

    private Screens() {
    }

    /** Runs the action; on success shows {@code done} (if not null) and returns the result, else null. */
    static <T> T attempt(Supplier<T> action, String done) {
        try {
            T result = action.get();
            if (done != null) {
                info(done);
            }
            return result;
        } catch (RuntimeException e) {
            error(e);
            return null;
        }
    }

    /** Runs the action; true when it succeeded (and {@code done} was shown). */
    static boolean run(Runnable action, String done) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }, done) != null;
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void error(Throwable e) {
        error(message(e));
    }

    /** The HTTP status for a refused request outside JSF (the PDF links). */
    static int httpStatus(Throwable e) {
        Throwable t = cause(e);
        if (t instanceof EJBAccessException || t instanceof AccessDeniedException) {
            return 403;
        }
        if (t instanceof NotFoundException) {
            return 404;
        }
        if (t instanceof ConflictException) {
            return 409;
        }
        return t instanceof ValidationException || t instanceof GridException ? 400 : 500;
    }

    private static Throwable cause(Throwable e) {
        Throwable t = e;
        while ((t instanceof EJBException && !(t instanceof EJBAccessException)) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The sentence to show for a refused action. */
    static String message(Throwable e) {
        Throwable t = cause(e);
        if (t instanceof EJBAccessException) {
            return "Refused: your role may not do this.";
        }
        if (t instanceof ValidationException || t instanceof ConflictException || t instanceof NotFoundException
                || t instanceof AccessDeniedException || t instanceof GridException) {
            String m = t.getMessage();
            return m == null || m.isEmpty() ? "Refused." : Character.toUpperCase(m.charAt(0)) + m.substring(1)
                    + (m.endsWith(".") ? "" : ".");
        }
        LOG.log(Level.WARNING, "unexpected failure behind a screen", e);
        return "Something went wrong on the server; nothing was changed. The error has been logged.";
    }
}
