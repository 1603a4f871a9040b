package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/** The store master (Fig 23): registered by the platform; a store reads only itself. */
@Stateless
public class StoreService {

    public record StoreData(String code, String name, String address) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Store create(StoreData data) {
        Store s = new Store(null, null, null);
        apply(s, data);
        em.persist(s);
        return s;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.STORE})
    public Store get(Long id) {
        Store s = id == null ? null : em.find(Store.class, id);
        if (s == null) {
            throw new NotFoundException("store " + id + " does not exist");
        }
        AccessService.Caller c = access.caller();
        if (!c.isAdmin() && !s.getId().equals(c.partyId())) {
            throw new AccessDeniedException("this record belongs to another store");
        }
        return s;
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Store update(Long id, StoreData data) {
        Store s = get(id);
        apply(s, data);
        return s;
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void delete(Long id) {
        em.remove(get(id));
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Page<Store> search(String text, int page, int size) {
        Page.check(page, size);
        String where = " where lower(s.name) like :t escape '\\' or lower(s.code) like :t escape '\\'";
        long total = em.createQuery("select count(s) from Store s" + where, Long.class)
                .setParameter("t", Strings.like(text)).getSingleResult();
        var items = em.createQuery("select s from Store s" + where + " order by s.code", Store.class)
                .setParameter("t", Strings.like(text)).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, total, page, size);
    }

    private void apply(Store s, StoreData data) {
        if (data == null) {
            throw new ValidationException("store data is required");
        }
        String code = Strings.code("code", data.code());
        boolean taken = em.createQuery("select count(s) from Store s where s.code = :c and s.id <> :self", Long.class)
                .setParameter("c", code).setParameter("self", s.getId() == null ? -1L : s.getId()).getSingleResult() > 0;
        if (taken) {
            throw new ConflictException("store code " + code + " is already taken");
        }
        s.setCode(code);
        s.setName(Strings.required("name", data.name(), 200));
        s.setAddress(Strings.optional("address", data.address(), 500));
    }
}
