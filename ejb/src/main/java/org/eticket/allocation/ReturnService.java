package org.eticket.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eticket.catalog.Performance;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;
import org.eticket.ticket.Ticket;
import org.eticket.ticket.TicketService;
import org.eticket.ticket.TicketState;

/**
 * Returns of unsold stock (C8, Fig 16): a seller asks to return seats still in its stock, one
 * or a batch; the event's organizer accepts or refuses the whole request. Accepted seats leave
 * the seller (and the seller's event master) and can be allocated to another seller with
 * {@link AllocationService#register}. Every seat's move is journalled by {@link TicketService}.
 */
@Stateless
public class ReturnService {

    /** Seats to return: ranges and/or single seats as the seat map sends them, with an optional reason. */
    public record ReturnData(Long performanceId, String ranges, List<String> seats, String reason) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    TicketService tickets;

    /** The signed-in seller asks to return seats that are still allocated to it (not held, not sold). */
    @RolesAllowed(Roles.SELLER)
    public ReturnRequest request(ReturnData data) {
        if (data == null) {
            throw new ValidationException("return data is required");
        }
        AccessService.Caller c = access.caller();
        Seller seller = em.find(Seller.class, c.partyId());
        if (seller == null) {
            throw new AccessDeniedException("your login does not act for a seller");
        }
        Performance p = AllocationService.findPerformance(em, data.performanceId());
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        List<Cell> cells = AllocationService.seats(p, data.ranges(), data.seats(), "return").cells();
        Map<Cell, Ticket> found = AllocationService.byCell(tickets.atCells(p.getId(), cells));
        List<Cell> notMine = new ArrayList<>();
        Map<String, List<Cell>> busy = new LinkedHashMap<>();
        for (Cell cell : cells) {
            Ticket t = found.get(cell);
            if (t == null || t.getSeller() == null || !t.getSeller().getId().equals(seller.getId())) {
                notMine.add(cell);
            } else if (t.getState() != TicketState.ALLOCATED) {
                busy.computeIfAbsent(AllocationService.stateWord(t.getState()), k -> new ArrayList<>()).add(cell);
            }
        }
        if (!notMine.isEmpty()) {
            throw new ConflictException(AllocationService.seatsWord(notMine) + " not in your stock");
        }
        if (!busy.isEmpty()) {
            throw new ConflictException(AllocationService.describe(busy) + "; only seats still allocated can be returned");
        }
        String reason = data.reason() == null || data.reason().isBlank() ? null : data.reason().strip();
        if (reason != null && reason.length() > 500) {
            throw new ValidationException("reason is longer than 500 characters");
        }
        ReturnRequest r = new ReturnRequest(p, seller, CellRanges.fromCells(cells).label(), cells.size(), reason,
                tickets.now(), c.username());
        em.persist(r);
        for (Cell cell : cells) {
            tickets.move(found.get(cell), TicketState.RETURN_REQUESTED, "return request " + r.getId());
        }
        AllocationService.flush(em);
        return r;
    }

    /** The organizer takes the seats back: they become RETURNED, free to allocate to another seller. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public ReturnRequest accept(Long id, String note) {
        ReturnRequest r = open(id);
        String why = "return request " + r.getId() + " accepted";
        List<Ticket> seats = seatsOf(r);
        for (Ticket t : seats) {
            tickets.takeBack(t, why);
        }
        // the seller's event master follows the center's (C8: every step updates the event master)
        em.createQuery("delete from SellerStockItem i where i.seller = :s and i.performance = :p and i.seat in :seats")
                .setParameter("s", r.getSeller()).setParameter("p", r.getPerformance())
                .setParameter("seats", seats.stream().map(Ticket::getSeat).toList()).executeUpdate();
        r.decide(ReturnRequest.State.ACCEPTED, tickets.now(), access.caller().username(), note(note));
        return r;
    }

    /** The organizer refuses: the seats stay in the seller's stock, allocated as before. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public ReturnRequest refuse(Long id, String note) {
        ReturnRequest r = open(id);
        for (Ticket t : seatsOf(r)) {
            tickets.move(t, TicketState.ALLOCATED, "return request " + r.getId() + " refused");
        }
        r.decide(ReturnRequest.State.REFUSED, tickets.now(), access.caller().username(), note(note));
        return r;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public ReturnRequest get(Long id) {
        ReturnRequest r = id == null ? null : em.find(ReturnRequest.class, id);
        if (r == null) {
            throw new NotFoundException("return request " + id + " does not exist");
        }
        if (access.caller().is(Roles.SELLER)) {
            access.checkSeller(r.getSeller().getId());
        } else {
            access.checkEvent(r.getPerformance().getEvent());
        }
        return r;
    }

    /** Requests the caller may see, newest first: a seller its own, an organizer those of its events. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public Page<ReturnRequest> search(Long performanceId, ReturnRequest.State state, int page, int size) {
        Page.check(page, size);
        AccessService.Caller c = access.caller();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (c.is(Roles.SELLER)) {
            where.append(" and r.seller.id = :self");
            params.put("self", c.partyId());
        } else if (c.is(Roles.ORGANIZER)) {
            where.append(" and r.performance.event.organizer.id = :org");
            params.put("org", c.partyId());
        }
        if (performanceId != null) {
            where.append(" and r.performance.id = :p");
            params.put("p", performanceId);
        }
        if (state != null) {
            where.append(" and r.state = :st");
            params.put("st", state);
        }
        return Page.query(em, ReturnRequest.class, "r", where.toString(), params, "r.id desc", page, size);
    }

    private ReturnRequest open(Long id) {
        ReturnRequest r = get(id);
        access.checkEvent(r.getPerformance().getEvent());
        em.lock(r.getPerformance(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(r);
        if (r.getState() != ReturnRequest.State.REQUESTED) {
            throw new ConflictException("return request " + r.getId() + " was already " + r.getState().name().toLowerCase()
                    + " by " + r.getDecidedBy());
        }
        return r;
    }

    /** The request's seats, each still waiting for the decision (nothing else moves a RETURN_REQUESTED seat). */
    private List<Ticket> seatsOf(ReturnRequest r) {
        List<Cell> cells = CellRanges.parse(r.getSeatRanges()).cells();
        List<Ticket> found = tickets.atCells(r.getPerformance().getId(), cells);
        for (Ticket t : found) {
            if (t.getState() != TicketState.RETURN_REQUESTED) {
                throw new ConflictException("seat " + t.getSeat() + " of return request " + r.getId() + " is "
                        + AllocationService.stateWord(t.getState()) + ", not waiting for a decision");
            }
        }
        if (found.size() != cells.size()) {
            throw new ConflictException("return request " + r.getId() + " names seats that have no ticket");
        }
        return found;
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.strip().length() > 500) {
            throw new ValidationException("note is longer than 500 characters");
        }
        return note.strip();
    }
}
