package org.eticket.ticket;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eticket.allocation.Allocation;
import org.eticket.card.Chip;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.grid.Cell;
import org.eticket.journal.Journal;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.sales.Customer;
import org.eticket.sales.SalesOrder;

/**
 * The electronic ticket master's only writer of ticket state: every change passes
 * {@link TicketState#canMoveTo} and is journalled in the same transaction. Callers are
 * the capability services (allocation, sales, issuance, gate), which check roles and
 * ownership first; this bean trusts them and runs inside their transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TicketService {

    @PersistenceContext
    EntityManager em;

    @EJB
    Journal journal;

    Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    /**
     * A seat with no ticket yet enters a seller's stock under an allocation. The caller
     * checks the seat is free; the unique key on performance and cell refuses a second
     * ticket for one seat in any case.
     */
    public Ticket allocate(Allocation allocation, Cell cell, SeatType seatType, String detail) {
        Ticket t = new Ticket(allocation, cell, seatType, now());
        em.persist(t); // the id comes from the table sequence at persist, no flush needed
        journal.ticketChanged(t.getChangedAt(), t.getId(), allocation.getPerformance().getId(),
                allocation.getSeller().getId(), null, TicketState.ALLOCATED.name(), detail);
        return t;
    }

    /** Moves a ticket, or throws {@link ConflictException} naming the seat and both states. */
    public Ticket move(Ticket t, TicketState next, String detail) {
        TicketState from = t.getState();
        try {
            t.moveTo(next, now());
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        }
        journal.ticketChanged(t.getChangedAt(), t.getId(), t.getPerformance().getId(),
                t.getSeller() == null ? null : t.getSeller().getId(), from.name(), next.name(), detail);
        return t;
    }

    /** Holds an allocated seat for a checkout until {@code until}. */
    public Ticket hold(Ticket t, String holdId, Instant until) {
        move(t, TicketState.HELD, "held by " + holdId + " until " + until);
        t.hold(holdId, until);
        return t;
    }

    /** A held or allocated seat becomes the buyer's. */
    public Ticket sell(Ticket t, Customer buyer, String detail) {
        move(t, TicketState.SOLD, detail);
        t.setHolder(buyer);
        return t;
    }

    /** A sold ticket is now on {@code chip}, the write confirmed by the chip (C14). */
    public Ticket issue(Ticket t, Chip chip, String detail) {
        move(t, TicketState.ISSUED, detail);
        t.setChip(chip);
        return t;
    }

    /** A returned seat enters another (or the same) seller's stock again. */
    public Ticket reallocate(Ticket t, Allocation allocation, String detail) {
        if (!allocation.getPerformance().getId().equals(t.getPerformance().getId())) {
            throw new ConflictException("seat " + t.getSeat() + " belongs to another performance");
        }
        t.setSeller(allocation.getSeller());
        t.setAllocation(allocation);
        return move(t, TicketState.ALLOCATED, detail);
    }

    /** The organizer accepted a return: the seat leaves the seller's stock. */
    public Ticket takeBack(Ticket t, String detail) {
        move(t, TicketState.RETURNED, detail);
        t.setSeller(null);
        t.setAllocation(null);
        return t;
    }

    /** A ticket as a bulk change journals it. */
    public record Claimed(Long ticketId, Long performanceId, Long sellerId) {
    }

    /**
     * Holds exactly these tickets of one seller's stock for a checkout, or none: one
     * conditional UPDATE (... WHERE STATE = 'ALLOCATED'), so checkouts on any number of
     * instances meet at the database row lock and never hold one seat twice. On a clash the
     * rows this call did take are put back at once and false is returned; nothing is journalled.
     */
    public boolean holdAll(List<Claimed> tickets, Long sellerId, String holdId, Instant until) {
        if (tickets.isEmpty()) {
            return false;
        }
        Instant at = now();
        List<Long> ids = tickets.stream().map(Claimed::ticketId).toList();
        int n = em.createQuery("update Ticket t set t.state = :held, t.holdId = :h, t.heldUntil = :u, t.changedAt = :at,"
                        + " t.version = t.version + 1 where t.id in :ids and t.state = :allocated and t.seller.id = :s")
                .setParameter("held", TicketState.HELD).setParameter("h", holdId).setParameter("u", until)
                .setParameter("at", at).setParameter("ids", ids).setParameter("allocated", TicketState.ALLOCATED)
                .setParameter("s", sellerId).executeUpdate();
        if (n != ids.size()) {
            if (n > 0) {
                em.createQuery("update Ticket t set t.state = :allocated, t.holdId = null, t.heldUntil = null,"
                                + " t.version = t.version + 1 where t.holdId = :h")
                        .setParameter("allocated", TicketState.ALLOCATED).setParameter("h", holdId).executeUpdate();
            }
            return false;
        }
        for (Claimed c : tickets) {
            journal.ticketChanged(at, c.ticketId(), c.performanceId(), c.sellerId(), TicketState.ALLOCATED.name(),
                    TicketState.HELD.name(), "held by " + holdId + " until " + until);
        }
        return true;
    }

    /**
     * Sells the seats of a hold to a buyer under an order, if the hold still holds all of
     * them and has not expired (conditional UPDATE); returns how many it sold, and the caller
     * rolls back when that is not all.
     */
    public int sellHeld(String holdId, List<Claimed> tickets, Customer buyer, SalesOrder order) {
        Instant at = now();
        int n = em.createQuery("update Ticket t set t.state = :sold, t.holder = :b, t.salesOrder = :o, t.holdId = null,"
                        + " t.heldUntil = null, t.changedAt = :at, t.version = t.version + 1"
                        + " where t.holdId = :h and t.state = :held and t.heldUntil > :at")
                .setParameter("sold", TicketState.SOLD).setParameter("b", buyer).setParameter("o", order)
                .setParameter("at", at).setParameter("h", holdId).setParameter("held", TicketState.HELD).executeUpdate();
        if (n == tickets.size()) {
            for (Claimed c : tickets) {
                journal.ticketChanged(at, c.ticketId(), c.performanceId(), c.sellerId(), TicketState.HELD.name(),
                        TicketState.SOLD.name(), "sold under order " + order.getId() + " to customer " + buyer.getId());
            }
        }
        return n;
    }

    /**
     * One sale's seats from stock, for {@link #sellAllocatedAll}: whose they become, under which
     * order, on whose behalf (null: the caller).
     */
    public record Sold(List<Claimed> tickets, Long sellerId, Long buyerId, Long orderId, String actor) {
    }

    /**
     * Sells seats from stock, for one sale or several at once (a group commit): one JDBC batch of
     * conditional UPDATEs, a row each (... WHERE STATE = 'ALLOCATED' AND SELLER_ID = ?), so a
     * seat is still sold once whatever the number of instances and the batch costs the
     * database one round of statements. The orders' rows must already be written (the ticket
     * points to its order). Returns for each sale whether all its seats are now its own; a sale
     * that got only some has those put back at once, and the caller refuses it. Sold seats are
     * journalled on behalf of each sale's actor.
     */
    public boolean[] sellAllocatedAll(List<Sold> sales) {
        Instant at = now();
        boolean[] sold = new boolean[sales.size()];
        java.sql.Timestamp when = java.sql.Timestamp.from(at); // as InstantConverter stores it
        java.sql.Connection c = em.unwrap(java.sql.Connection.class);
        try (var claim = c.prepareStatement("UPDATE TICKET SET STATE = ?, HOLDER_ID = ?, SALESORDER_ID = ?, CHANGEDAT = ?,"
                + " VERSION = VERSION + 1 WHERE ID = ? AND STATE = ? AND SELLER_ID = ?")) {
            for (Sold sale : sales) {
                for (Claimed t : sale.tickets()) {
                    claim.setString(1, TicketState.SOLD.name());
                    claim.setLong(2, sale.buyerId());
                    claim.setLong(3, sale.orderId());
                    claim.setTimestamp(4, when);
                    claim.setLong(5, t.ticketId());
                    claim.setString(6, TicketState.ALLOCATED.name());
                    claim.setLong(7, sale.sellerId());
                    claim.addBatch();
                }
            }
            int[] counts = claim.executeBatch();
            int row = 0;
            List<Sold> partly = new java.util.ArrayList<>();
            for (int i = 0; i < sales.size(); i++) {
                int got = 0;
                for (int k = 0; k < sales.get(i).tickets().size(); k++) {
                    got += counts[row++] == 1 ? 1 : 0;
                }
                sold[i] = got == sales.get(i).tickets().size();
                if (!sold[i] && got > 0) {
                    partly.add(sales.get(i));
                }
            }
            if (!partly.isEmpty()) {
                try (var putBack = c.prepareStatement("UPDATE TICKET SET STATE = ?, HOLDER_ID = NULL, SALESORDER_ID = NULL,"
                        + " VERSION = VERSION + 1 WHERE SALESORDER_ID = ? AND STATE = ?")) {
                    for (Sold sale : partly) {
                        putBack.setString(1, TicketState.ALLOCATED.name());
                        putBack.setLong(2, sale.orderId());
                        putBack.setString(3, TicketState.SOLD.name());
                        putBack.addBatch();
                    }
                    putBack.executeBatch();
                }
            }
        } catch (java.sql.SQLException e) {
            // a lock clash or deadlock with another writer: the caller's whole transaction rolls back
            throw new jakarta.persistence.PersistenceException("selling " + sales.size() + " sales' seats failed: " + e, e);
        }
        for (int i = 0; i < sales.size(); i++) {
            if (sold[i]) {
                Sold sale = sales.get(i);
                for (Claimed t : sale.tickets()) {
                    journal.ticketChangedBy(sale.actor(), at, t.ticketId(), t.performanceId(), t.sellerId(),
                            TicketState.ALLOCATED.name(), TicketState.SOLD.name(),
                            "sold under order " + sale.orderId() + " to customer " + sale.buyerId());
                }
            }
        }
        return sold;
    }

    /**
     * Puts one held seat back in its seller's stock if it is still held by {@code holdId}
     * (and, when {@code expiredBefore} is given, only if the hold expired before it). A
     * conditional UPDATE: when instances race, exactly one moves and journals the seat.
     */
    public boolean release(Claimed ticket, String holdId, Instant expiredBefore, String detail) {
        Instant at = now();
        var q = em.createQuery("update Ticket t set t.state = :allocated, t.holdId = null, t.heldUntil = null,"
                        + " t.changedAt = :at, t.version = t.version + 1 where t.id = :id and t.holdId = :h and t.state = :held"
                        + (expiredBefore == null ? "" : " and t.heldUntil <= :cutoff"))
                .setParameter("allocated", TicketState.ALLOCATED).setParameter("at", at).setParameter("id", ticket.ticketId())
                .setParameter("h", holdId).setParameter("held", TicketState.HELD);
        if (expiredBefore != null) {
            q.setParameter("cutoff", expiredBefore);
        }
        int n = q.executeUpdate();
        if (n == 1) {
            journal.ticketChanged(at, ticket.ticketId(), ticket.performanceId(), ticket.sellerId(), TicketState.HELD.name(),
                    TicketState.ALLOCATED.name(), detail);
        }
        return n == 1;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Ticket get(Long id) {
        Ticket t = id == null ? null : em.find(Ticket.class, id);
        if (t == null) {
            throw new NotFoundException("ticket " + id + " does not exist");
        }
        return t;
    }

    /** Every ticket of a performance, as the seat map draws it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SeatState> seatStates(Long performanceId) {
        return em.createQuery("select new org.eticket.ticket.SeatState(t.seatRow, t.seatColumn, t.state,"
                        + " s.id, st.id) from Ticket t left join t.seller s left join t.seatType st"
                        + " where t.performance.id = :p order by t.seatRow, t.seatColumn", SeatState.class)
                .setParameter("p", performanceId).getResultList();
    }

    /** Tickets of a performance in the given cells (missing cells have no ticket). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Ticket> atCells(Long performanceId, Collection<Cell> cells) {
        if (cells.isEmpty()) {
            return List.of();
        }
        // rows bound the query; the exact cells are filtered here (JPQL has no tuple IN)
        int minRow = cells.stream().mapToInt(Cell::row).min().orElseThrow();
        int maxRow = cells.stream().mapToInt(Cell::row).max().orElseThrow();
        var wanted = new java.util.HashSet<>(cells);
        return em.createQuery("select t from Ticket t where t.performance.id = :p and t.seatRow between :a and :b",
                        Ticket.class)
                .setParameter("p", performanceId).setParameter("a", minRow).setParameter("b", maxRow)
                .getResultStream().filter(t -> wanted.contains(t.getCell())).toList();
    }

    /** How many tickets of a performance a seller has in each state. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<TicketState, Long> countBySeller(Long performanceId, Long sellerId) {
        Map<TicketState, Long> counts = new EnumMap<>(TicketState.class);
        for (Object[] row : em.createQuery("select t.state, count(t) from Ticket t where t.performance.id = :p"
                        + " and t.seller.id = :s group by t.state", Object[].class)
                .setParameter("p", performanceId).setParameter("s", sellerId).getResultList()) {
            counts.put((TicketState) row[0], (Long) row[1]);
        }
        return counts;
    }
}
