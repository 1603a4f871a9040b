package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eticket.payment.AcquirerTransaction;
import org.eticket.payment.LedgerAccount;
import org.eticket.payment.LedgerEntry;
import org.eticket.security.Roles;

/**
 * Does the money match the orders? Sums the orders by means of payment and the books that
 * should carry the same amounts: the acquirer's captures for orders, the e-money and points
 * spent on purchases, and the sales journal. The platform checks this before billing (C36).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class SalesReconciliation {

    public record Totals(long orders, long orderTotal, long orderCard, long orderEMoney, long orderPoints,
                         long acquirerCapturedForOrders, long acquirerOpenAuthorizations, long eMoneySpent,
                         long pointsSpent, long journalSales, long soldTickets, long orderLines) {

        public boolean balanced() {
            return orderTotal == orderCard + orderEMoney + orderPoints
                    && orderCard == acquirerCapturedForOrders
                    && orderEMoney == eMoneySpent
                    && orderPoints == pointsSpent
                    && orderTotal == journalSales
                    && soldTickets == orderLines
                    && acquirerOpenAuthorizations == 0;
        }
    }

    @PersistenceContext
    EntityManager em;

    public Totals totals() {
        Object[] o = em.createQuery("select count(o), sum(o.total), sum(o.cardPaid), sum(o.eMoneyPaid), sum(o.pointsUsed)"
                + " from SalesOrder o", Object[].class).getSingleResult();
        long captured = sum("select sum(a.captured - a.refunded) from AcquirerTransaction a where a.description like 'order %'");
        long open = sum("select count(a) from AcquirerTransaction a where a.status = :k", AcquirerTransaction.Status.AUTHORIZED);
        long eMoney = -sum("select sum(e.amount) from LedgerEntry e where e.account.kind = :k and e.reason = :r",
                LedgerAccount.Kind.E_MONEY, LedgerEntry.Reason.PURCHASE);
        long points = -sum("select sum(e.amount) from LedgerEntry e where e.account.kind = :k and e.reason = :r",
                LedgerAccount.Kind.POINTS, LedgerEntry.Reason.PURCHASE);
        long journal = sum("select sum(j.amount) from JournalEntry j where j.kind = :k", org.eticket.journal.JournalEntry.Kind.SALE);
        long sold = sum("select count(t) from Ticket t where t.salesOrder is not null");
        long lines = sum("select count(l) from OrderLine l");
        return new Totals(n(o[0]), n(o[1]), n(o[2]), n(o[3]), n(o[4]), captured, open, eMoney, points, journal, sold, lines);
    }

    private long sum(String jpql, Object... params) {
        var q = em.createQuery(jpql);
        String[] names = {"k", "r"};
        for (int i = 0; i < params.length; i++) {
            q.setParameter(names[i], params[i]);
        }
        return n(q.getSingleResult());
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
