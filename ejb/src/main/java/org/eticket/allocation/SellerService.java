package org.eticket.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import org.eticket.catalog.Event;
import org.eticket.catalog.EventService;
import org.eticket.catalog.Performance;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * The seller master (C5, Fig 23) and each seller's authorization, per performance, with
 * a quota as a number of tickets or a ratio of the capacity (002 claim 30). The platform
 * registers sellers; an organizer authorizes them for its events; a seller sees only its
 * own authorizations.
 */
@Stateless
public class SellerService {

    public record SellerData(String code, String name, String kind, String email, String address) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    EventService events;

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Seller create(SellerData data) {
        Seller s = new Seller(null, null, null);
        apply(s, data);
        em.persist(s);
        return s;
    }

    /** Sellers are partners every organizer may pick from; a seller reads only itself. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public Seller get(Long id) {
        Seller s = find(id);
        if (access.caller().is(Roles.SELLER)) {
            access.checkSeller(s.getId());
        }
        return s;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER})
    public Seller update(Long id, SellerData data) {
        Seller s = find(id);
        access.checkSeller(s.getId());
        apply(s, data);
        return s;
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void delete(Long id) {
        Seller s = find(id);
        long authorizations = em.createQuery("select count(a) from SellerAuthorization a where a.seller = :s", Long.class)
                .setParameter("s", s).getSingleResult();
        if (authorizations > 0) {
            throw new ConflictException("seller " + s.getCode() + " still holds " + authorizations + " authorization(s)");
        }
        em.remove(s);
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public Page<Seller> search(String text, int page, int size) {
        Page.check(page, size);
        AccessService.Caller c = access.caller();
        String where = " where (lower(s.name) like :t escape '\\' or lower(s.code) like :t escape '\\')"
                + (c.is(Roles.SELLER) ? " and s.id = :self" : "");
        var count = em.createQuery("select count(s) from Seller s" + where, Long.class).setParameter("t", Strings.like(text));
        var list = em.createQuery("select s from Seller s" + where + " order by s.code", Seller.class).setParameter("t", Strings.like(text));
        if (c.is(Roles.SELLER)) {
            count.setParameter("self", c.partyId());
            list.setParameter("self", c.partyId());
        }
        return new Page<>(list.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(), page, size);
    }

    // ---- authorizations ----------------------------------------------------------------

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SellerAuthorization authorize(Long performanceId, Long sellerId, String quota) {
        Performance p = events.getPerformance(performanceId);
        Seller s = find(sellerId);
        Quota q = quota(quota);
        long existing = em.createQuery("select count(a) from SellerAuthorization a where a.performance = :p and a.seller = :s", Long.class)
                .setParameter("p", p).setParameter("s", s).getSingleResult();
        if (existing > 0) {
            throw new ConflictException("seller " + s.getCode() + " is already authorized for the performance on " + p.getDate());
        }
        SellerAuthorization a = new SellerAuthorization(p, s, q);
        em.persist(a);
        return a;
    }

    /** Authorizes the seller for every performance of the event not yet authorized, with one quota. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public List<SellerAuthorization> authorizeEvent(Long eventId, Long sellerId, String quota) {
        Event e = events.get(eventId);
        Seller s = find(sellerId);
        Quota q = quota(quota);
        List<Performance> performances = events.performances(e.getId());
        if (performances.isEmpty()) {
            throw new ValidationException("event " + e.getCode() + " has no performances to authorize");
        }
        return performances.stream()
                .filter(p -> em.createQuery("select count(a) from SellerAuthorization a where a.performance = :p and a.seller = :s", Long.class)
                        .setParameter("p", p).setParameter("s", s).getSingleResult() == 0)
                .map(p -> {
                    SellerAuthorization a = new SellerAuthorization(p, s, q);
                    em.persist(a);
                    return a;
                }).toList();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public SellerAuthorization getAuthorization(Long id) {
        SellerAuthorization a = id == null ? null : em.find(SellerAuthorization.class, id);
        if (a == null) {
            throw new NotFoundException("authorization " + id + " does not exist");
        }
        access.checkAuthorizationRead(a);
        return a;
    }

    /** Only the event's organizer changes a quota. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public SellerAuthorization changeQuota(Long id, String quota) {
        SellerAuthorization a = getAuthorization(id);
        access.checkEvent(a.getPerformance().getEvent());
        a.setQuota(quota(quota));
        return a;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public void revoke(Long id) {
        SellerAuthorization a = getAuthorization(id);
        access.checkEvent(a.getPerformance().getEvent());
        em.remove(a);
    }

    /**
     * Authorizations the caller may see: a seller its own, an organizer those of its
     * events, the admin all; optionally of one performance.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public Page<SellerAuthorization> authorizations(Long performanceId, int page, int size) {
        Page.check(page, size);
        AccessService.Caller c = access.caller();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (c.is(Roles.SELLER)) {
            where.append(" and a.seller.id = :party");
        } else if (c.is(Roles.ORGANIZER)) {
            where.append(" and a.performance.event.organizer.id = :party");
        }
        if (performanceId != null) {
            where.append(" and a.performance.id = :p");
        }
        var count = em.createQuery("select count(a) from SellerAuthorization a" + where, Long.class);
        var list = em.createQuery("select a from SellerAuthorization a" + where
                + " order by a.performance.date, a.seller.code", SellerAuthorization.class);
        if (!c.isAdmin()) {
            count.setParameter("party", c.partyId());
            list.setParameter("party", c.partyId());
        }
        if (performanceId != null) {
            count.setParameter("p", performanceId);
            list.setParameter("p", performanceId);
        }
        return new Page<>(list.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(), page, size);
    }

    Seller find(Long id) {
        Seller s = id == null ? null : em.find(Seller.class, id);
        if (s == null) {
            throw new NotFoundException("seller " + id + " does not exist");
        }
        return s;
    }

    static Quota quota(String text) {
        try {
            return Quota.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
    }

    private void apply(Seller s, SellerData data) {
        if (data == null) {
            throw new ValidationException("seller data is required");
        }
        String code = Strings.code("code", data.code());
        boolean taken = em.createQuery("select count(s) from Seller s where s.code = :c and s.id <> :self", Long.class)
                .setParameter("c", code).setParameter("self", s.getId() == null ? -1L : s.getId()).getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("seller code " + code + " is already taken");
        }
        s.setCode(code);
        s.setName(Strings.required("name", data.name(), 200));
        String kind = data.kind() == null ? "AGENT" : data.kind().strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            s.setKind(Seller.Kind.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("seller kind \"" + data.kind() + "\" is not AGENT or FAN_CLUB");
        }
        s.setEmail(data.email() == null || data.email().isBlank() ? null : Strings.email("email", data.email()));
        s.setAddress(Strings.optional("address", data.address(), 500));
    }
}
