package org.eticket.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eticket.sales.Customer;

/** Opens an account on first use, in its own transaction. */
@Stateless
public class LedgerAccounts {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(Long customerId, LedgerAccount.Kind kind) {
        // The customer's row is the mutex, on any instance: of several first purchases of one
        // customer at once, one opens the account and the others wait and then find it.
        Customer customer = em.find(Customer.class, customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new IllegalArgumentException("no customer " + customerId);
        }
        if (idOf(customerId, kind) == null) {
            em.persist(new LedgerAccount(customer, kind));
        }
    }

    /** The points accounts of these customers, by customer: one query for a whole group commit. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Map<Long, Long> pointsAccounts(java.util.Collection<Long> customerIds) {
        java.util.Map<Long, Long> accounts = new java.util.HashMap<>();
        if (!customerIds.isEmpty()) {
            em.createQuery("select a.customer.id, a.id from LedgerAccount a where a.kind = :k and a.customer.id in :c",
                            Object[].class).setParameter("k", LedgerAccount.Kind.POINTS).setParameter("c", customerIds)
                    .setFlushMode(FlushModeType.COMMIT).getResultList()
                    .forEach(r -> accounts.put((Long) r[0], (Long) r[1]));
        }
        return accounts;
    }

    /** The id of the customer's account of that kind, or null; movements are written by it (see LedgerAccount). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Long idOf(Long customerId, LedgerAccount.Kind kind) {
        // No flush of the caller's pending changes first (the default): an account is opened in a
        // transaction of its own, or by LedgerService.openForNewCustomer, which flushes it, so no
        // pending change can decide this answer; and that flush cost each purchase a tenth of its CPU.
        return em.createQuery("select a.id from LedgerAccount a where a.customer.id = :c and a.kind = :k", Long.class)
                .setParameter("c", customerId).setParameter("k", kind).setFlushMode(FlushModeType.COMMIT)
                .getResultList().stream().findFirst().orElse(null);
    }
}
