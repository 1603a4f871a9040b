package org.eticket.web.shop;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;

/** Shows a refused action's reason on the screen (seat taken, sold out, payment refused ...). */
final class Messages {

    private Messages() {
    }

    /** The platform exception inside the EJB container's wrapping. */
    static Throwable cause(RuntimeException e) {
        Throwable t = e;
        while (t instanceof EJBException ejb && !(t instanceof EJBAccessException) && ejb.getCause() != null) {
            t = ejb.getCause();
        }
        return t;
    }

    /** True when the failure was one to explain to the buyer; other failures are rethrown. */
    static boolean show(RuntimeException e) {
        Throwable t = cause(e);
        if (t instanceof ConflictException || t instanceof ValidationException || t instanceof NotFoundException
                || t instanceof AccessDeniedException || t instanceof EJBAccessException) {
            String text = t instanceof EJBAccessException ? "your account may not do this" : t.getMessage();
            // The services word reasons as clauses ("seat E5 was sold meanwhile"); on the screen they are sentences.
            text = text == null || text.isEmpty() ? "This could not be done." : Character.toUpperCase(text.charAt(0)) + text.substring(1);
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
            return true;
        }
        throw e;
    }

    static void warn(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
