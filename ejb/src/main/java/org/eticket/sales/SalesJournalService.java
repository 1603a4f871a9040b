package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eticket.journal.JournalEntry;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.Page;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * The sales journal (C35, Fig 18; S1807): every sale and refund as the journal recorded it.
 * The organizer sees the sales of its own events, a seller only its own sales.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SalesJournalService {

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    /** Sales and refunds, newest first; total sums the amounts of every matching entry. */
    public record Result(Page<JournalEntry> page, long totalAmount) {
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public Result list(Long performanceId, Long sellerId, int page, int size) {
        Page.check(page, size);
        AccessService.Caller c = access.caller();
        StringBuilder where = new StringBuilder(" from JournalEntry j, Performance p where p.id = j.performanceId"
                + " and j.kind in (org.eticket.journal.JournalEntry.Kind.SALE, org.eticket.journal.JournalEntry.Kind.REFUND)");
        if (c.is(Roles.ORGANIZER)) {
            where.append(" and p.event.organizer.id = :org");
        } else if (c.is(Roles.SELLER)) {
            if (sellerId != null && !sellerId.equals(c.partyId())) {
                throw new AccessDeniedException("a seller sees only its own sales");
            }
            sellerId = c.partyId();
        } else if (!c.isAdmin()) {
            throw new AccessDeniedException("the sales journal is for organizers and sellers");
        }
        if (performanceId != null) {
            where.append(" and j.performanceId = :perf");
        }
        if (sellerId != null) {
            where.append(" and j.sellerId = :seller");
        }
        TypedQuery<Long> count = em.createQuery("select count(j)" + where, Long.class);
        TypedQuery<Long> sum = em.createQuery("select sum(case when j.kind = org.eticket.journal.JournalEntry.Kind.REFUND"
                + " then -j.amount else j.amount end)" + where, Long.class);
        TypedQuery<JournalEntry> items = em.createQuery("select j" + where + " order by j.id desc", JournalEntry.class);
        for (TypedQuery<?> q : java.util.List.of(count, sum, items)) {
            if (c.is(Roles.ORGANIZER)) {
                q.setParameter("org", c.partyId());
            }
            if (performanceId != null) {
                q.setParameter("perf", performanceId);
            }
            if (sellerId != null) {
                q.setParameter("seller", sellerId);
            }
        }
        Long total = sum.getSingleResult();
        var list = items.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Result(new Page<>(list, count.getSingleResult(), page, size), total == null ? 0 : total);
    }
}
