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
