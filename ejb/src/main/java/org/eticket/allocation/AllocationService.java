package org.eticket.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.VenueService;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;
import org.eticket.status.PdfReport;
import org.eticket.ticket.Ticket;
import org.eticket.ticket.TicketService;
import org.eticket.ticket.TicketState;

/**
 * Allocation of a performance's seats to authorized sellers (C6, Figs 29-31). A seat is never
 * allocated twice and a quota is never exceeded: every change locks the performance, so two
 * organizers (or two instances) allocating at once are served one after the other, and the
 * ticket's unique key on performance and seat refuses a second ticket in any case. Only the
 * event's organizer (or the platform) registers, changes and deletes; a seller finds only its own.
 */
@Stateless
public class AllocationService {

    /** Longest note kept on an allocation. */
    public static final int MAX_NOTE = 500;

    /**
     * Seats to allocate: typed ranges ({@code "B1:F1, A2:G7"}) and/or single cells as the seat map
     * sends them ({@code ["C3", "C4"]}); both may be given, the union is taken.
     */
    public record AllocationData(Long performanceId, Long sellerId, String ranges, List<String> seats, String note) {
    }

    /** Seats to add to and remove from an allocation (either may be empty); a new note if not null. */
    public record AllocationChange(String addRanges, List<String> addSeats, String removeRanges, List<String> removeSeats,
                                   String note) {
    }

    /** What a seller may still take on a performance (the allocation screen shows it per seller). */
    public record SellerQuota(Long authorizationId, Long sellerId, String sellerCode, String sellerName, String quota,
                              int limit, int allocated, int remaining) {
    }

    /** One seat of an allocation as it stands now. */
    public record AllocatedSeat(Long ticketId, String seat, int row, int column, String seatType, long price,
                                String currency, TicketState state) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    TicketService tickets;

    // ---- register --------------------------------------------------------------------------

    /** Registers the given seats to the seller; refused as a whole if any seat is taken or the quota is short. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Allocation register(AllocationData data) {
        if (data == null) {
            throw new ValidationException("allocation data is required");
        }
        Performance p = lockedPerformance(data.performanceId());
        SellerAuthorization auth = authorization(p, data.sellerId());
        List<Cell> cells = seats(p, data.ranges(), data.seats(), "allocation").cells();
        return allocate(p, auth, cells, note(data.note()), "allocated");
    }

    /**
     * Finds {@code count} consecutive free seats of one seat type (same row, adjacent columns; best
     * fit, see {@link ConsecutiveSeats}) and registers them to the seller.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Allocation allocateConsecutive(Long performanceId, Long sellerId, String seatTypeCode, int count, String note) {
        if (count < 1) {
            throw new ValidationException("the number of consecutive seats must be 1 or more, not " + count);
        }
        Performance p = lockedPerformance(performanceId);
        SellerAuthorization auth = authorization(p, sellerId);
        String code = seatTypeCode == null ? "" : seatTypeCode.strip().toUpperCase(Locale.ROOT);
        SeatType type = em.createQuery("select t from SeatType t where t.event = :e and t.code = :c", SeatType.class)
                .setParameter("e", p.getEvent()).setParameter("c", code).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("event " + p.getEvent().getCode() + " has no seat type " + seatTypeCode));
        if (type.getRanges().isBlank()) {
            throw new ConflictException("seat type " + type.getCode() + " has no seats yet");
        }
        Set<Cell> free = new HashSet<>(CellRanges.parse(type.getRanges()).cells());
        for (Ticket t : tickets.atCells(p.getId(), free)) {
            if (t.getState() != TicketState.RETURNED) {
                free.remove(t.getCell());
            }
        }
        List<Cell> cells = ConsecutiveSeats.bestFit(free, count).orElseThrow(() -> new ConflictException(
                "no row has " + count + " consecutive free seats of type " + type.getCode() + " (" + free.size()
                        + " free seats of the type in all)"));
        return allocate(p, auth, cells, note(note), count + " consecutive " + type.getCode() + " seats allocated");
    }

    // ---- read ------------------------------------------------------------------------------

    /** An organizer reads the allocations of its events, a seller only its own, the admin all. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public Allocation get(Long id) {
        Allocation a = id == null ? null : em.find(Allocation.class, id);
        if (a == null) {
            throw new NotFoundException("allocation " + id + " does not exist");
        }
        checkRead(a);
        return a;
    }

    /**
     * Allocations the caller may see, newest first, optionally of one event, performance or
     * seller: an organizer those of its events, a seller only its own (C6: "a seller can search
     * only its own allocation").
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public Page<Allocation> search(Long eventId, Long performanceId, Long sellerId, int page, int size) {
        Page.check(page, size);
        AccessService.Caller c = access.caller();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (c.is(Roles.SELLER)) {
            where.append(" and a.seller.id = :self");
            params.put("self", c.partyId());
        } else if (c.is(Roles.ORGANIZER)) {
            where.append(" and a.performance.event.organizer.id = :org");
            params.put("org", c.partyId());
        }
        if (eventId != null) {
            where.append(" and a.performance.event.id = :e");
            params.put("e", eventId);
        }
        if (performanceId != null) {
            where.append(" and a.performance.id = :p");
            params.put("p", performanceId);
        }
        if (sellerId != null) {
            where.append(" and a.seller.id = :s");
            params.put("s", sellerId);
        }
        return Page.query(em, Allocation.class, "a", where.toString(), params, "a.id desc", page, size);
    }

    /** The seats the allocation holds now (returned or removed seats have left it). */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public List<AllocatedSeat> seats(Long allocationId) {
        Allocation a = get(allocationId);
        return ticketsOf(a).stream().map(AllocationService::seat).toList();
    }

    /**
     * Per authorized seller of the performance: quota, seats held now and seats it may still
     * take. A seller sees only its own line.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public List<SellerQuota> quotas(Long performanceId) {
        Performance p = readablePerformance(em, access, performanceId);
        AccessService.Caller c = access.caller();
        Map<Long, Long> held = new HashMap<>();
        for (Object[] row : em.createQuery("select t.seller.id, count(t) from Ticket t where t.performance = :p"
                + " and t.seller is not null group by t.seller.id", Object[].class).setParameter("p", p).getResultList()) {
            held.put((Long) row[0], (Long) row[1]);
        }
        int capacity = capacity(p);
        return em.createQuery("select a from SellerAuthorization a where a.performance = :p order by a.seller.code",
                        SellerAuthorization.class).setParameter("p", p).getResultStream()
                .filter(a -> !c.is(Roles.SELLER) || a.getSeller().getId().equals(c.partyId()))
                .map(a -> {
                    int allocated = held.getOrDefault(a.getSeller().getId(), 0L).intValue();
                    Quota q = a.getQuota();
                    return new SellerQuota(a.getId(), a.getSeller().getId(), a.getSeller().getCode(), a.getSeller().getName(),
                            q.label(), q.limit(capacity), allocated, q.remaining(capacity, allocated));
                }).toList();
    }

    // ---- change and delete -----------------------------------------------------------------

    /**
     * Adds and removes seats. Only seats still {@link TicketState#ALLOCATED} in this allocation can
     * be removed (a sold or held seat stays); removed seats go back to the organizer. Added seats
     * pass the same checks as a new allocation. All or nothing.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public Allocation change(Long id, AllocationChange change) {
        if (change == null) {
            throw new ValidationException("the change is required");
        }
        Allocation a = writable(id);
        Performance p = a.getPerformance();
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        boolean removes = hasSeats(change.removeRanges(), change.removeSeats());
        boolean adds = hasSeats(change.addRanges(), change.addSeats());
        if (!removes && !adds && change.note() == null) {
            throw new ValidationException("the change names no seats to add or remove and no note");
        }
        if (removes) {
            List<Cell> cells = seats(p, change.removeRanges(), change.removeSeats(), "seats to remove").cells();
            Map<Cell, Ticket> found = byCell(tickets.atCells(p.getId(), cells));
            List<Cell> notHere = new ArrayList<>();
            Map<String, List<Cell>> notFree = new LinkedHashMap<>();
            for (Cell cell : cells) {
                Ticket t = found.get(cell);
                if (t == null || t.getAllocation() == null || !t.getAllocation().getId().equals(a.getId())) {
                    notHere.add(cell);
                } else if (t.getState() != TicketState.ALLOCATED) {
                    notFree.computeIfAbsent(stateWord(t.getState()), k -> new ArrayList<>()).add(cell);
                }
            }
            if (!notHere.isEmpty()) {
                throw new ConflictException(seatsWord(notHere) + " not in allocation " + a.getId() + " of " + a.getSeller().getName());
            }
            if (!notFree.isEmpty()) {
                throw new ConflictException(describe(notFree) + "; only seats still allocated can be removed");
            }
            for (Cell cell : cells) {
                release(found.get(cell), "removed from allocation " + a.getId() + " by the organizer");
            }
        }
        if (adds) {
            List<Cell> cells = seats(p, change.addRanges(), change.addSeats(), "seats to add").cells();
            SellerAuthorization auth = authorization(p, a.getSeller().getId());
            place(p, auth, a, cells, "added to allocation " + a.getId());
        }
        if (change.note() != null) {
            a.setNote(note(change.note()));
        }
        flush(em);
        List<Cell> now = ticketsOf(a).stream().map(Ticket::getCell).toList();
        a.setSeats(CellRanges.fromCells(now).label(), now.size());
        return a;
    }

    /** Deletes an allocation whose seats are all still unsold and unheld; they go back to the organizer. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public void delete(Long id) {
        Allocation a = writable(id);
        em.lock(a.getPerformance(), LockModeType.PESSIMISTIC_WRITE);
        List<Ticket> held = ticketsOf(a);
        Map<String, List<Cell>> busy = new LinkedHashMap<>();
        for (Ticket t : held) {
            if (t.getState() != TicketState.ALLOCATED) {
                busy.computeIfAbsent(stateWord(t.getState()), k -> new ArrayList<>()).add(t.getCell());
            }
        }
        if (!busy.isEmpty()) {
            throw new ConflictException("allocation " + a.getId() + " cannot be deleted: " + describe(busy));
        }
        for (Ticket t : held) {
            release(t, "allocation " + a.getId() + " deleted by the organizer");
        }
        flush(em);
        em.remove(a);
    }

    // ---- report ----------------------------------------------------------------------------

    /** The allocation as a printable PDF (C6 "print"): header, seats as ranges, and one line per seat. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public byte[] reportPdf(Long allocationId) {
        Allocation a = get(allocationId);
        Performance p = a.getPerformance();
        List<AllocatedSeat> seats = ticketsOf(a).stream().map(AllocationService::seat).toList();
        PdfReport pdf = PdfReport.titled("Allocation " + a.getId() + ": " + a.getSeller().getName())
                .line("Event: " + p.getEvent().getCode() + " " + p.getEvent().getName())
                .line("Performance: " + p.getDate() + " " + p.getStartTime() + " at " + p.getEvent().getVenue().getName())
                .line("Seller: " + a.getSeller().getCode() + " " + a.getSeller().getName())
                .line("Registered: " + a.getCreatedAt() + " by " + a.getCreatedBy())
                .line("Seats: " + seats.size() + " (" + a.getSeatRanges() + ")");
        if (a.getNote() != null) {
            pdf.line("Note: " + a.getNote());
        }
        List<List<String>> rows = seats.stream().map(s -> List.of(s.seat(), s.seatType() == null ? "" : s.seatType(),
                PdfReport.money(s.price(), s.currency()), s.state().name())).toList();
        return pdf.table(List.of("Seat", "Type", "Price", "State"), rows).toBytes();
    }

    // ---- shared with the other services of the package ------------------------------------

    /** The performance, locked for the rest of the transaction; the caller must be its organizer. */
    private Performance lockedPerformance(Long performanceId) {
        Performance p = findPerformance(em, performanceId);
        access.checkEvent(p.getEvent());
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        return p;
    }

    // Static: the other services of the package call these directly, not through the EJB view
    // (which admits public business methods only).

    /** The performance if the caller may read its stock: its organizer, the admin, or an authorized seller. */
    static Performance readablePerformance(EntityManager em, AccessService access, Long performanceId) {
        Performance p = findPerformance(em, performanceId);
        AccessService.Caller c = access.caller();
        if (c.is(Roles.SELLER)) {
            long authorized = em.createQuery("select count(a) from SellerAuthorization a where a.performance = :p"
                    + " and a.seller.id = :s", Long.class).setParameter("p", p).setParameter("s", c.partyId()).getSingleResult();
            if (authorized == 0) {
                throw new org.eticket.platform.AccessDeniedException("you are not authorized to sell this performance");
            }
        } else {
            access.checkEvent(p.getEvent());
        }
        return p;
    }

    static Performance findPerformance(EntityManager em, Long performanceId) {
        Performance p = performanceId == null ? null : em.find(Performance.class, performanceId);
        if (p == null) {
            throw new NotFoundException("performance " + performanceId + " does not exist");
        }
        return p;
    }

    /** Parses ranges and single seats together and checks they are seats of the performance's layout. */
    static CellRanges seats(Performance p, String ranges, List<String> seats, String what) {
        StringBuilder text = new StringBuilder(ranges == null ? "" : ranges);
        if (seats != null) {
            for (String s : seats) {
                if (s != null && !s.isBlank()) {
                    text.append(text.length() == 0 ? "" : ", ").append(s.strip());
                }
            }
        }
        if (text.toString().isBlank()) {
            throw new ValidationException(what + ": no seats given; give ranges such as B1:F1, A2:G7 or a list of seats");
        }
        return VenueService.parseOnLayout(p.getEvent().getLayout(), text.toString(), what);
    }

    /** Releases a seat that is still in a seller's stock back to the organizer, journalled by TicketService. */
    void release(Ticket t, String why) {
        // the ticket life has no direct allocated -> returned step; a release is a return the organizer initiates
        tickets.move(t, TicketState.RETURN_REQUESTED, why);
        tickets.takeBack(t, why);
    }

    /** Flushes so the unique key on performance and seat speaks now, as a 409, not at commit as a 500. */
    static void flush(EntityManager em) {
        flush(em, "a seat was allocated by someone else meanwhile; nothing was changed, read the map again");
    }

    static void flush(EntityManager em, String conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException(conflict);
        }
    }

    static Map<Cell, Ticket> byCell(List<Ticket> list) {
        Map<Cell, Ticket> m = new HashMap<>();
        list.forEach(t -> m.put(t.getCell(), t));
        return m;
    }

    static String seatsWord(List<Cell> cells) {
        return (cells.size() == 1 ? "seat " : "seats ") + CellRanges.fromCells(cells).label() + (cells.size() == 1 ? " is" : " are");
    }

    static String stateWord(TicketState s) {
        return switch (s) {
            case ALLOCATED -> "allocated";
            case HELD -> "held for a buyer";
            case RETURN_REQUESTED -> "requested for return";
            case RETURNED -> "returned";
            case NULLIFIED -> "nullified";
            default -> "sold";
        };
    }

    /** "seats A1:C1 are sold; seat D4 is held for a buyer". */
    static String describe(Map<String, List<Cell>> byWhat) {
        StringBuilder sb = new StringBuilder();
        byWhat.forEach((what, cells) -> sb.append(sb.length() == 0 ? "" : "; ").append(seatsWord(cells)).append(' ').append(what));
        return sb.toString();
    }

    // ---- internals -------------------------------------------------------------------------

    private Allocation allocate(Performance p, SellerAuthorization auth, List<Cell> cells, String note, String detail) {
        Seller seller = auth.getSeller();
        Allocation a = new Allocation(p, seller, CellRanges.fromCells(cells).label(), cells.size(), tickets.now(),
                access.caller().username());
        a.setNote(note);
        // checks run before the persist so a refusal leaves nothing behind even in this transaction
        place(p, auth, null, cells, detail);
        em.persist(a);
        placeTickets(p, a, cells, detail);
        flush(em);
        return a;
    }

    /** Checks that every seat is free (no ticket, or returned) and that the quota allows them. */
    private void place(Performance p, SellerAuthorization auth, Allocation into, List<Cell> cells, String detail) {
        Map<Cell, Ticket> found = byCell(tickets.atCells(p.getId(), cells));
        Map<String, List<Cell>> taken = new LinkedHashMap<>();
        for (Cell cell : cells) {
            Ticket t = found.get(cell);
            if (t != null && t.getState() != TicketState.RETURNED) {
                String what = t.getState() == TicketState.ALLOCATED || t.getState() == TicketState.RETURN_REQUESTED
                        ? "already allocated to " + t.getSeller().getName() : stateWord(t.getState());
                taken.computeIfAbsent(what, k -> new ArrayList<>()).add(cell);
            }
        }
        if (!taken.isEmpty()) {
            throw new ConflictException(describe(taken) + ": a seat is never allocated twice");
        }
        long held = em.createQuery("select count(t) from Ticket t where t.performance = :p and t.seller = :s", Long.class)
                .setParameter("p", p).setParameter("s", auth.getSeller()).getSingleResult();
        auth.getQuota().check(auth.getSeller().getName(), capacity(p), (int) held, cells.size());
        if (into != null) {
            placeTickets(p, into, cells, detail);
        }
    }

    private void placeTickets(Performance p, Allocation a, List<Cell> cells, String detail) {
        Map<Cell, Ticket> found = byCell(tickets.atCells(p.getId(), cells));
        List<SeatType> types = em.createQuery("select t from SeatType t where t.event = :e", SeatType.class)
                .setParameter("e", p.getEvent()).getResultList();
        Map<SeatType, CellRanges> typeRanges = new HashMap<>();
        for (SeatType t : types) {
            if (!t.getRanges().isBlank()) {
                typeRanges.put(t, CellRanges.parse(t.getRanges()));
            }
        }
        String why = detail + " under allocation " + a.getId() + " to " + a.getSeller().getCode();
        for (Cell cell : cells) {
            Ticket existing = found.get(cell);
            if (existing != null) {
                tickets.reallocate(existing, a, why);
            } else {
                SeatType type = typeRanges.entrySet().stream().filter(e -> e.getValue().contains(cell))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                tickets.allocate(a, cell, type, why);
            }
        }
    }

    private SellerAuthorization authorization(Performance p, Long sellerId) {
        if (sellerId == null) {
            throw new ValidationException("sellerId is required");
        }
        Seller s = em.find(Seller.class, sellerId);
        if (s == null) {
            throw new NotFoundException("seller " + sellerId + " does not exist");
        }
        return em.createQuery("select a from SellerAuthorization a where a.performance = :p and a.seller = :s",
                        SellerAuthorization.class).setParameter("p", p).setParameter("s", s).getResultStream().findFirst()
                .orElseThrow(() -> new ConflictException("seller " + s.getCode() + " is not authorized for the performance on "
                        + p.getDate() + "; authorize it with a quota first"));
    }

    private Allocation writable(Long id) {
        Allocation a = id == null ? null : em.find(Allocation.class, id);
        if (a == null) {
            throw new NotFoundException("allocation " + id + " does not exist");
        }
        access.checkEvent(a.getPerformance().getEvent());
        return a;
    }

    private void checkRead(Allocation a) {
        AccessService.Caller c = access.caller();
        if (c.is(Roles.SELLER)) {
            access.checkSeller(a.getSeller().getId());
        } else {
            access.checkEvent(a.getPerformance().getEvent());
        }
    }

    private List<Ticket> ticketsOf(Allocation a) {
        return em.createQuery("select t from Ticket t where t.allocation = :a order by t.seatRow, t.seatColumn", Ticket.class)
                .setParameter("a", a).getResultList();
    }

    private static boolean hasSeats(String ranges, List<String> seats) {
        return (ranges != null && !ranges.isBlank()) || (seats != null && seats.stream().anyMatch(s -> s != null && !s.isBlank()));
    }

    static int capacity(Performance p) {
        return p.getEvent().getLayout().getSeatCount();
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String n = note.strip();
        if (n.length() > MAX_NOTE) {
            throw new ValidationException("note is longer than " + MAX_NOTE + " characters");
        }
        return n;
    }

    private static AllocatedSeat seat(Ticket t) {
        SeatType type = t.getSeatType();
        return new AllocatedSeat(t.getId(), t.getSeat(), t.getCell().row(), t.getCell().column(),
                type == null ? null : type.getCode(), t.price(), type == null ? null : type.getCurrency(), t.getState());
    }
}
