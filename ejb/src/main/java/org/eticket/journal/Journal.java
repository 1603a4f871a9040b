package org.eticket.journal;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Writes the journal inside the caller's transaction (MANDATORY): an entry exists exactly
 * when the change it records was committed. Reading it, with each role's limits, belongs
 * to the screens and services that show it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Journal {

    /** Actor name used when no one is signed in (timers, message-driven beans). */
    public static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    public JournalEntry ticketChanged(Instant at, Long ticketId, Long performanceId, Long sellerId,
                                      String from, String to, String detail) {
        return ticketChangedBy(actor(), at, ticketId, performanceId, sellerId, from, to, detail);
    }

    /**
     * The same, on behalf of a named caller: a group commit writes several callers' sales in
     * one transaction, on one of their threads, so the caller of this bean is not the actor.
     * A null actor is the caller.
     */
    public JournalEntry ticketChangedBy(String actor, Instant at, Long ticketId, Long performanceId, Long sellerId,
                                        String from, String to, String detail) {
        return persist(new JournalEntry(at, JournalEntry.Kind.TICKET, actor == null ? actor() : actor)
                .ticket(ticketId, performanceId, sellerId).states(from, to).detail(detail));
    }

    /** A sale for the sales journal (C35): one entry per ticket sold, with its price. */
    public JournalEntry sale(Instant at, Long ticketId, Long performanceId, Long sellerId, Long orderId,
                             long amount, String currency, String detail) {
        return saleBy(actor(), at, ticketId, performanceId, sellerId, orderId, amount, currency, detail);
    }

    /** A sale on behalf of a named caller (see {@link #ticketChangedBy}). */
    public JournalEntry saleBy(String actor, Instant at, Long ticketId, Long performanceId, Long sellerId, Long orderId,
                               long amount, String currency, String detail) {
        return persist(new JournalEntry(at, JournalEntry.Kind.SALE, actor == null ? actor() : actor)
                .ticket(ticketId, performanceId, sellerId).money(orderId, amount, currency).detail(detail));
    }

    public JournalEntry refund(Instant at, Long ticketId, Long performanceId, Long sellerId, Long orderId,
                               long amount, String currency, String detail) {
        return persist(new JournalEntry(at, JournalEntry.Kind.REFUND, actor())
                .ticket(ticketId, performanceId, sellerId).money(orderId, amount, currency).detail(detail));
    }

    /** A chip's registration or change of state (lost, blocked): who holds which chip is journalled too. */
    public JournalEntry chipChanged(Instant at, String chipUid, String from, String to, String detail) {
        return persist(new JournalEntry(at, JournalEntry.Kind.CHIP, actor()).chip(chipUid).states(from, to).detail(detail));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JournalEntry> ofChip(String chipUid) {
        return em.createQuery("select j from JournalEntry j where j.chipUid = :u order by j.id", JournalEntry.class)
                .setParameter("u", chipUid).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JournalEntry> ofTicket(Long ticketId) {
        return em.createQuery("select j from JournalEntry j where j.ticketId = :t order by j.id", JournalEntry.class)
                .setParameter("t", ticketId).getResultList();
    }

    private JournalEntry persist(JournalEntry e) {
        em.persist(e);
        return e;
    }

    private String actor() {
        return actorOf(context.getCallerPrincipal());
    }

    /** The name the journal records for a caller. */
    public static String actorOf(java.security.Principal p) {
        String name = p == null ? null : p.getName();
        // Payara names the unauthenticated caller ANONYMOUS
        return name == null || name.isBlank() || "ANONYMOUS".equals(name) ? SYSTEM : name;
    }
}
