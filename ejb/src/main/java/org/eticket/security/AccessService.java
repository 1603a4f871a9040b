package org.eticket.security;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eticket.allocation.SellerAuthorization;
import org.eticket.card.Chip;
import org.eticket.catalog.Event;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.Venue;
import org.eticket.platform.AccessDeniedException;

/**
 * The one place that decides whether the caller may touch a record (design §5: each role
 * sees only its own data). Roles are checked first by {@code @RolesAllowed}; this service
 * checks ownership. The platform admin passes every check.
 */
@Stateless
public class AccessService {

    /** Who is calling, as the platform knows them. */
    public record Caller(String username, String role, Long partyId) {
        public boolean is(String r) {
            return role.equals(r);
        }

        public boolean isAdmin() {
            return is(Roles.PLATFORM_ADMIN);
        }

        boolean acts(String r, Long id) {
            return is(r) && partyId != null && partyId.equals(id);
        }
    }

    @Resource
    SessionContext context;

    @PersistenceContext
    EntityManager em;

    /**
     * Who each username is, once read. An account is only ever opened (AccountService never
     * deletes, renames or moves one to another role or party; only its password hash changes),
     * so this answer cannot go stale on any instance; a new account is simply not here yet.
     * Spares every request a query (a tenth of a purchase's CPU).
     */
    private static final Map<String, Caller> KNOWN = new ConcurrentHashMap<>();

    public Caller caller() {
        String name = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
        Caller known = name == null ? null : KNOWN.get(name);
        if (known != null) {
            return known;
        }
        AppUser user = name == null ? null : em.createNamedQuery("AppUser.byUsername", AppUser.class)
                .setParameter("username", name).getResultStream().findFirst().orElse(null);
        if (user == null) {
            throw new AccessDeniedException("sign in first");
        }
        Caller caller = new Caller(user.getUsername(), user.getRole(), user.getPartyId());
        if (KNOWN.size() > 100_000) {
            KNOWN.clear(); // a bound, not an expiry: it only costs queries again
        }
        KNOWN.put(name, caller);
        return caller;
    }

    /** The organizer the caller acts for, or null for the platform admin (who sees all). */
    public Long organizerScope() {
        Caller c = caller();
        if (c.isAdmin()) {
            return null;
        }
        if (c.is(Roles.ORGANIZER)) {
            return c.partyId();
        }
        throw new AccessDeniedException("only organizers and the platform admin work with organizers' records");
    }

    public void checkOrganizer(Long organizerId) {
        Caller c = caller();
        if (!c.isAdmin() && !c.acts(Roles.ORGANIZER, organizerId)) {
            throw new AccessDeniedException("this record belongs to another organizer");
        }
    }

    public void checkEvent(Event event) {
        Caller c = caller();
        if (!c.isAdmin() && !c.acts(Roles.ORGANIZER, event.getOrganizer().getId())) {
            throw new AccessDeniedException("event " + event.getCode() + " belongs to another organizer");
        }
    }

    /** Venues are shared, but only the organizer who registered one (or the platform) maintains it. */
    public void checkVenueWrite(Venue venue) {
        Caller c = caller();
        if (c.isAdmin()) {
            return;
        }
        if (venue.getRegisteredBy() == null || !c.acts(Roles.ORGANIZER, venue.getRegisteredBy().getId())) {
            throw new AccessDeniedException("venue " + venue.getCode() + " is maintained by "
                    + (venue.getRegisteredBy() == null ? "the platform" : "another organizer"));
        }
    }

    /** An organizer sees the platform's layouts, the layouts it drew, and those its events use. */
    public void checkLayoutRead(SeatLayout layout) {
        Caller c = caller();
        if (c.isAdmin() || (layout.getOwner() == null && c.is(Roles.ORGANIZER)) || ownsLayout(c, layout) || (c.is(Roles.ORGANIZER) && usedBy(layout, c.partyId()))) {
            return;
        }
        throw new AccessDeniedException("seat layout \"" + layout.getName() + "\" of " + layout.getVenue().getCode()
                + " belongs to another organizer and none of your events uses it");
    }

    /** A layout is changed only by its owner, and not while another organizer's event uses it. */
    public void checkLayoutWrite(SeatLayout layout) {
        Caller c = caller();
        if (c.isAdmin()) {
            return;
        }
        if (!ownsLayout(c, layout)) {
            throw new AccessDeniedException("seat layout \"" + layout.getName() + "\" belongs to "
                    + (layout.getOwner() == null ? "the platform" : "another organizer"));
        }
        long foreign = em.createQuery("select count(e) from Event e where e.layout = :l and e.organizer.id <> :o", Long.class)
                .setParameter("l", layout).setParameter("o", c.partyId()).getSingleResult();
        if (foreign > 0) {
            throw new AccessDeniedException("seat layout \"" + layout.getName() + "\" is used by another organizer's event");
        }
    }

    public void checkSeller(Long sellerId) {
        Caller c = caller();
        if (!c.isAdmin() && !c.acts(Roles.SELLER, sellerId)) {
            throw new AccessDeniedException("this record belongs to another seller");
        }
    }

    /** A seller sees only its own authorizations; an organizer those of its events. */
    public void checkAuthorizationRead(SellerAuthorization authorization) {
        Caller c = caller();
        if (c.isAdmin()
                || c.acts(Roles.SELLER, authorization.getSeller().getId())
                || c.acts(Roles.ORGANIZER, authorization.getPerformance().getEvent().getOrganizer().getId())) {
            return;
        }
        throw new AccessDeniedException("this authorization belongs to another "
                + (c.is(Roles.SELLER) ? "seller" : "organizer"));
    }

    public void checkCustomer(Long customerId) {
        Caller c = caller();
        if (!c.isAdmin() && !c.acts(Roles.CUSTOMER, customerId)) {
            throw new AccessDeniedException("this record belongs to another customer");
        }
    }

    /** A chip is seen and managed by its holder, the seller or store that issued it, and the platform. */
    public void checkChip(Chip chip) {
        Caller c = caller();
        if (c.isAdmin()
                || c.acts(Roles.CUSTOMER, chip.getHolder().getId())
                || (chip.getIssuedBySeller() != null && c.acts(Roles.SELLER, chip.getIssuedBySeller().getId()))
                || (chip.getIssuedByStore() != null && c.acts(Roles.STORE, chip.getIssuedByStore().getId()))) {
            return;
        }
        throw new AccessDeniedException("chip " + chip.getUid() + " belongs to another "
                + (c.is(Roles.CUSTOMER) ? "customer" : "issuer"));
    }

    private static boolean ownsLayout(Caller c, SeatLayout layout) {
        return layout.getOwner() != null && c.acts(Roles.ORGANIZER, layout.getOwner().getId());
    }

    private boolean usedBy(SeatLayout layout, Long organizerId) {
        return Objects.nonNull(organizerId) && em.createQuery(
                        "select count(e) from Event e where e.layout = :l and e.organizer.id = :o", Long.class)
                .setParameter("l", layout).setParameter("o", organizerId).getSingleResult() > 0;
    }
}
