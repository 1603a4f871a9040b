package org.eticket.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * The event master (C3, Fig 27, S1201): an organizer's events on a venue's layout and
 * their performances, added one by one or as a series that copies times and gates from a
 * template performance so nothing is retyped.
 */
@Stateless
public class EventService {

    public static final int MAX_SERIES = 366;

    /** organizerId is needed only when the platform admin creates an event for an organizer. */
    public record EventData(Long organizerId, String code, String name, String performers, Long layoutId, String contact) {
    }

    public record PerformanceData(LocalDate date, LocalTime openingTime, LocalTime startTime, String gates) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    VenueService venues;

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Event create(EventData data) {
        if (data == null) {
            throw new ValidationException("event data is required");
        }
        AccessService.Caller c = access.caller();
        Long organizerId = c.isAdmin() ? data.organizerId() : c.partyId();
        if (organizerId == null) {
            throw new ValidationException("organizerId is required when the platform creates an event");
        }
        Organizer organizer = em.find(Organizer.class, organizerId);
        if (organizer == null) {
            throw new NotFoundException("organizer " + organizerId + " does not exist");
        }
        SeatLayout layout = venues.getLayout(data.layoutId());
        Event e = new Event(organizer, null, null, layout);
        apply(e, data);
        em.persist(e);
        return e;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Event get(Long id) {
        Event e = find(id);
        access.checkEvent(e);
        return e;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Event update(Long id, EventData data) {
        Event e = get(id);
        if (data == null) {
            throw new ValidationException("event data is required");
        }
        if (data.layoutId() != null && !data.layoutId().equals(e.getLayout().getId())) {
            long typed = em.createQuery("select count(t) from SeatType t where t.event = :e and t.seatCount > 0", Long.class)
                    .setParameter("e", e).getSingleResult();
            if (typed > 0) {
                throw new ConflictException("event " + e.getCode() + " has seat types on its layout; clear them before moving it");
            }
            e.setLayout(venues.getLayout(data.layoutId()));
        }
        apply(e, data);
        return e;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public void delete(Long id) {
        Event e = get(id);
        long authorized = em.createQuery("select count(a) from SellerAuthorization a where a.performance.event = :e", Long.class)
                .setParameter("e", e).getSingleResult();
        if (authorized > 0) {
            throw new ConflictException("event " + e.getCode() + " has " + authorized + " seller authorization(s); remove them first");
        }
        em.createQuery("delete from Performance p where p.event = :e").setParameter("e", e).executeUpdate();
        em.createQuery("delete from SeatType t where t.event = :e").setParameter("e", e).executeUpdate();
        em.remove(e);
    }

    /** An organizer finds only its own events; the admin all. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Page<Event> search(String text, int page, int size) {
        Page.check(page, size);
        Long scope = access.organizerScope();
        String where = " where (lower(e.name) like :t escape '\\' or lower(e.code) like :t escape '\\'"
                + " or lower(e.performers) like :t escape '\\')" + (scope == null ? "" : " and e.organizer.id = :o");
        var count = em.createQuery("select count(e) from Event e" + where, Long.class).setParameter("t", Strings.like(text));
        var list = em.createQuery("select e from Event e" + where + " order by e.code", Event.class).setParameter("t", Strings.like(text));
        if (scope != null) {
            count.setParameter("o", scope);
            list.setParameter("o", scope);
        }
        return new Page<>(list.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(), page, size);
    }

    // ---- performances ------------------------------------------------------------------

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public List<Performance> performances(Long eventId) {
        Event e = get(eventId);
        return em.createQuery("select p from Performance p where p.event = :e order by p.date, p.startTime", Performance.class)
                .setParameter("e", e).getResultList();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Performance addPerformance(Long eventId, PerformanceData data) {
        Event e = get(eventId);
        Performance p = checked(e, data, null);
        em.persist(p);
        return p;
    }

    /**
     * Adds one performance per date, copying opening time, start time and gates from the
     * template (or the event's latest performance): the series needs only its dates.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public List<Performance> addSeries(Long eventId, Long templateId, List<LocalDate> dates) {
        Event e = get(eventId);
        if (dates == null || dates.isEmpty()) {
            throw new ValidationException("a series needs at least one date");
        }
        if (dates.size() > MAX_SERIES) {
            throw new ValidationException("a series may hold at most " + MAX_SERIES + " dates, got " + dates.size());
        }
        if (new HashSet<>(dates).size() != dates.size()) {
            throw new ValidationException("a series lists the same date twice");
        }
        Performance template = templateId != null ? getPerformance(templateId)
                : em.createQuery("select p from Performance p where p.event = :e order by p.date desc, p.startTime desc", Performance.class)
                .setParameter("e", e).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new ValidationException("event " + e.getCode()
                        + " has no performance yet to copy times and gates from; add the first one"));
        if (!template.getEvent().getId().equals(e.getId())) {
            throw new ValidationException("performance " + templateId + " belongs to another event");
        }
        return dates.stream().map(d -> {
            Performance p = checked(e, new PerformanceData(d, template.getOpeningTime(), template.getStartTime(), template.getGates()), null);
            em.persist(p);
            return p;
        }).toList();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Performance getPerformance(Long performanceId) {
        Performance p = performanceId == null ? null : em.find(Performance.class, performanceId);
        if (p == null) {
            throw new NotFoundException("performance " + performanceId + " does not exist");
        }
        access.checkEvent(p.getEvent());
        return p;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Performance updatePerformance(Long performanceId, PerformanceData data) {
        Performance p = getPerformance(performanceId);
        Performance checked = checked(p.getEvent(), data, p.getId());
        p.reschedule(checked.getDate(), checked.getOpeningTime(), checked.getStartTime(), checked.getGates());
        return p;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public void deletePerformance(Long performanceId) {
        Performance p = getPerformance(performanceId);
        long authorized = em.createQuery("select count(a) from SellerAuthorization a where a.performance = :p", Long.class)
                .setParameter("p", p).getSingleResult();
        if (authorized > 0) {
            throw new ConflictException("the performance on " + p.getDate() + " has seller authorizations; remove them first");
        }
        em.remove(p);
    }

    Event find(Long id) {
        Event e = id == null ? null : em.find(Event.class, id);
        if (e == null) {
            throw new NotFoundException("event " + id + " does not exist");
        }
        return e;
    }

    private Performance checked(Event e, PerformanceData data, Long selfId) {
        if (data == null || data.date() == null) {
            throw new ValidationException("performance date is required");
        }
        if (data.startTime() == null) {
            throw new ValidationException("start time is required");
        }
        LocalTime opening = data.openingTime() == null ? data.startTime() : data.openingTime();
        if (opening.isAfter(data.startTime())) {
            throw new ValidationException("doors open at " + opening + ", after the start at " + data.startTime());
        }
        long clash = em.createQuery("select count(p) from Performance p where p.event = :e and p.date = :d and p.startTime = :s and p.id <> :self", Long.class)
                .setParameter("e", e).setParameter("d", data.date()).setParameter("s", data.startTime())
                .setParameter("self", selfId == null ? -1L : selfId).getSingleResult();
        if (clash > 0) {
            throw new ConflictException("event " + e.getCode() + " already has a performance on " + data.date() + " at " + data.startTime());
        }
        return new Performance(e, data.date(), opening, data.startTime(), gates(data.gates()));
    }

    private static String gates(String gates) {
        if (gates == null || gates.isBlank()) {
            return null;
        }
        Set<String> names = Arrays.stream(gates.split(",")).map(String::strip).filter(g -> !g.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        String joined = String.join(",", names);
        if (joined.length() > 300) {
            throw new ValidationException("gates are longer than 300 characters");
        }
        return joined;
    }

    private void apply(Event e, EventData data) {
        String code = Strings.code("code", data.code());
        boolean taken = em.createQuery("select count(e) from Event e where e.code = :c and e.id <> :self", Long.class)
                .setParameter("c", code).setParameter("self", e.getId() == null ? -1L : e.getId()).getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("event code " + code + " is already taken");
        }
        e.setCode(code);
        e.setName(Strings.required("name", data.name(), 200));
        e.setPerformers(Strings.optional("performers", data.performers(), 500));
        e.setContact(Strings.optional("contact", data.contact(), 300));
    }
}
