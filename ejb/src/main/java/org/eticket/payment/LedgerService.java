package org.eticket.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Moves money and points on customers' accounts inside the caller's transaction. A spend
 * locks the account row first (SELECT ... FOR UPDATE), then derives the balance from the
 * entries, so concurrent spends on any instance are serialized and never overdraw.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LedgerService {

    @PersistenceContext
    EntityManager em;

    @EJB
    LedgerAccounts accounts;

    public LedgerEntry credit(Long customerId, LedgerAccount.Kind kind, long amount, LedgerEntry.Reason reason,
                              Long orderId, String reference) {
        return persist(new LedgerEntry(account(customerId, kind), Instant.now(), Ledger.credit(amount), reason, orderId, reference));
    }

    /** The same if the account is open; null when it is not (the caller opens it outside its transaction and tries again). */
    public LedgerEntry creditIfOpen(Long customerId, LedgerAccount.Kind kind, long amount, LedgerEntry.Reason reason,
                                    Long orderId, String reference) {
        Long a = accounts.idOf(customerId, kind);
        return a == null ? null : persist(new LedgerEntry(a, Instant.now(), Ledger.credit(amount), reason, orderId, reference));
    }

    /** A credit to an account whose id the caller already knows (a group commit looked them all up at once). */
    public LedgerEntry credit(Long accountId, long amount, LedgerEntry.Reason reason, Long orderId) {
        return persist(new LedgerEntry(accountId, Instant.now(), Ledger.credit(amount), reason, orderId, null));
    }

    public LedgerEntry debit(Long customerId, LedgerAccount.Kind kind, long amount, LedgerEntry.Reason reason, Long orderId) {
        LedgerAccount a = em.find(LedgerAccount.class, account(customerId, kind), LockModeType.PESSIMISTIC_WRITE);
        long movement = Ledger.spend(sum(a.getId()), amount, kind);
        return persist(new LedgerEntry(a.getId(), Instant.now(), movement, reason, orderId, null));
    }

    /**
     * Opens an account in the caller's transaction, for a customer created in that same
     * transaction (a seller's buyer): nobody else can open it meanwhile, and a separate
     * transaction could not see the new customer yet.
     */
    public LedgerAccount openForNewCustomer(org.eticket.sales.Customer customer, LedgerAccount.Kind kind) {
        LedgerAccount a = new LedgerAccount(customer, kind);
        em.persist(a);
        em.flush(); // in this transaction's rows now: LedgerAccounts.find reads without flushing first
        return a;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long balance(Long customerId, LedgerAccount.Kind kind) {
        Long a = accounts.idOf(customerId, kind);
        return a == null ? 0 : sum(a);
    }

    /** The newest 200 movements, newest first: by time, as the ids are drawn at random ({@link org.eticket.platform.RandomId}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LedgerEntry> entries(Long customerId, LedgerAccount.Kind kind) {
        return em.createQuery("select e from LedgerEntry e where e.account.customer.id = :c and e.account.kind = :k"
                        + " order by e.at desc, e.id desc", LedgerEntry.class)
                .setParameter("c", customerId).setParameter("k", kind).setMaxResults(200).getResultList();
    }

    /** Sum of all movements of one kind and reason over every account (for reconciliation). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long total(LedgerAccount.Kind kind, LedgerEntry.Reason reason) {
        Long s = em.createQuery("select sum(e.amount) from LedgerEntry e where e.account.kind = :k and e.reason = :r", Long.class)
                .setParameter("k", kind).setParameter("r", reason).getSingleResult();
        return s == null ? 0 : s;
    }

    private long sum(Long accountId) {
        Long s = em.createQuery("select sum(e.amount) from LedgerEntry e where e.account.id = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
        return s == null ? 0 : s;
    }

    /** The id of the customer's account, opened now (in a transaction of its own) if it is not yet. */
    private Long account(Long customerId, LedgerAccount.Kind kind) {
        Long a = accounts.idOf(customerId, kind);
        if (a == null) {
            accounts.open(customerId, kind);
            a = accounts.idOf(customerId, kind);
        }
        return a;
    }

    private LedgerEntry persist(LedgerEntry e) {
        em.persist(e);
        return e;
    }
}
