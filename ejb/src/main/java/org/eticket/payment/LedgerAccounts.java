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
