package org.eticket.sales;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eticket.catalog.Event;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/** An event's download window terms, set by its organizer (Fig 15, S1503). */
@Stateless
public class SalesTermsService {

    /** A year: longer delays or windows are typing mistakes. */
    public static final int MAX_MINUTES = 366 * 24 * 60;

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SalesTerms termsOf(Long eventId) {
        SalesTerms t = em.find(SalesTerms.class, eventId);
        return t == null ? SalesTerms.defaults(eventId) : t;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SalesTerms get(Long eventId) {
        access.checkEvent(event(eventId));
        return termsOf(eventId);
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SalesTerms set(Long eventId, Integer delayMinutes, Integer windowMinutes) {
        access.checkEvent(event(eventId));
        if (delayMinutes == null || delayMinutes < 0 || delayMinutes > MAX_MINUTES) {
            throw new ValidationException("downloadDelayMinutes is 0 (immediate) to " + MAX_MINUTES + ", was " + delayMinutes);
        }
        int window = windowMinutes == null ? SalesTerms.DEFAULT_WINDOW_MINUTES : windowMinutes;
        if (window < 1 || window > MAX_MINUTES) {
            throw new ValidationException("downloadWindowMinutes is 1 to " + MAX_MINUTES + ", was " + windowMinutes);
        }
        SalesTerms t = em.find(SalesTerms.class, eventId);
        if (t == null) {
            t = new SalesTerms(eventId);
            em.persist(t);
        }
        t.set(delayMinutes, window);
        return t;
    }

    private Event event(Long id) {
        Event e = id == null ? null : em.find(Event.class, id);
        if (e == null) {
            throw new NotFoundException("event " + id + " does not exist");
        }
        return e;
    }
}
