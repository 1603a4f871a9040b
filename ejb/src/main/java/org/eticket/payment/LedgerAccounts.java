package org.eticket.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import org.eticket.sales.Customer;

/**
 * Opens an account on first use in its own transaction, so two instances opening the same
 * account at once meet at the unique key and the loser simply reads the winner's row.
 */
@Stateless
public class LedgerAccounts {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(Long customerId, LedgerAccount.Kind kind) {
        if (find(customerId, kind) == null) {
            // a concurrent open of the same account fails at the unique key; the caller then reads the winner's
            em.persist(new LedgerAccount(em.getReference(Customer.class, customerId), kind));
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

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LedgerAccount find(Long customerId, LedgerAccount.Kind kind) {
        // No flush of the caller's pending changes first (the default): an account is opened in a
        // transaction of its own, or by LedgerService.openForNewCustomer, which flushes it, so no
        // pending change can decide this answer; and that flush cost each purchase a tenth of its CPU.
        return em.createQuery("select a from LedgerAccount a where a.customer.id = :c and a.kind = :k", LedgerAccount.class)
                .setParameter("c", customerId).setParameter("k", kind).setFlushMode(FlushModeType.COMMIT)
                .getResultList().stream().findFirst().orElse(null);
    }
}
