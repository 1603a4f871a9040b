package org.eticket.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.Strings;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/** The organizer master (C1, Fig 24): the platform registers organizers; each may read and correct its own. */
@Stateless
public class OrganizerService {

    /** What a caller may set on an organizer. */
    public record OrganizerData(String code, String name, String address, String email, String phone) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Organizer create(OrganizerData data) {
        Organizer o = new Organizer(null, null);
        apply(o, data);
        em.persist(o);
        return o;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Organizer get(Long id) {
        Organizer o = find(id);
        access.checkOrganizer(o.getId());
        return o;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Organizer update(Long id, OrganizerData data) {
        Organizer o = get(id);
        apply(o, data);
        return o;
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void delete(Long id) {
        Organizer o = find(id);
        long events = em.createQuery("select count(e) from Event e where e.organizer = :o", Long.class)
                .setParameter("o", o).getSingleResult();
        if (events > 0) {
            throw new ConflictException("organizer " + o.getCode() + " still has " + events + " event(s)");
        }
        em.remove(o);
    }

    /** The admin searches all organizers; an organizer finds only itself. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Page<Organizer> search(String text, int page, int size) {
        Page.check(page, size);
        Long scope = access.organizerScope();
        String where = " where (lower(o.name) like :t escape '\\' or lower(o.code) like :t escape '\\')"
                + (scope == null ? "" : " and o.id = :scope");
        var count = em.createQuery("select count(o) from Organizer o" + where, Long.class).setParameter("t", Strings.like(text));
        var list = em.createQuery("select o from Organizer o" + where + " order by o.code", Organizer.class)
                .setParameter("t", Strings.like(text));
        if (scope != null) {
            count.setParameter("scope", scope);
            list.setParameter("scope", scope);
        }
        return new Page<>(list.setFirstResult(page * size).setMaxResults(size).getResultList(),
                count.getSingleResult(), page, size);
    }

    Organizer find(Long id) {
        Organizer o = id == null ? null : em.find(Organizer.class, id);
        if (o == null) {
            throw new NotFoundException("organizer " + id + " does not exist");
        }
        return o;
    }

    private void apply(Organizer o, OrganizerData data) {
        if (data == null) {
            throw new org.eticket.platform.ValidationException("organizer data is required");
        }
        String code = Strings.code("code", data.code());
        boolean taken = em.createQuery("select count(o) from Organizer o where o.code = :c and o.id <> :self", Long.class)
                .setParameter("c", code).setParameter("self", o.getId() == null ? -1L : o.getId()).getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("organizer code " + code + " is already taken");
        }
        o.setCode(code);
        o.setName(Strings.required("name", data.name(), 200));
        o.setAddress(Strings.optional("address", data.address(), 500));
        o.setEmail(data.email() == null || data.email().isBlank() ? null : Strings.email("email", data.email()));
        o.setPhone(Strings.optional("phone", data.phone(), 50));
    }
}
