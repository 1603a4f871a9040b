package org.eticket.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.Color;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Event;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.journal.JournalEntry;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;
import org.eticket.ticket.Ticket;
import org.eticket.ticket.TicketState;

/**
 * Sales status (C9, Figs 32, 33): the vacant-seat map of a performance and sales by seller, by
 * seat type, per day and per month, for an event or one performance; each also as a PDF.
 * <p>
 * A sale counts from the sales journal's SALE entry (its amount and time) where there is one;
 * a ticket owned by a buyer (SOLD or beyond) without such an entry counts at its seat type's
 * price on the day it last changed. Days and months are UTC, so every instance answers alike.
 * The organizer sees its events; a seller sees the same views limited to its own seats and sales.
 */
@Stateless
public class SalesStatusService {

    /**
     * A seat on the vacant-seat map. FREE: with the organizer (never allocated, or returned).
     * ELSEWHERE: another seller's seat, on a seller's map only: a seller sees whether its own seats
     * sold, never whether another's did (design §5).
     */
    public enum Vacancy { FREE, ALLOCATED, RETURN_REQUESTED, HELD, SOLD, VOID, ELSEWHERE }

    public enum Report { VACANCY, SELLERS, SEAT_TYPES, DAILY, MONTHLY }

    /** One seat; sellerId is null when the seat is with the organizer or (for a seller) another seller's. */
    public record SeatStatus(String seat, int row, int column, String seatType, Vacancy status, Long sellerId) {
    }

    public record SellerRef(Long id, String code, String name) {
    }

    public record VacancyMap(Long performanceId, String eventCode, String performance, int rows, int columns,
                             Map<String, Long> counts, List<SellerRef> sellers, List<SeatStatus> seats) {
    }

    /** allocated = every seat the seller holds, sold included; unsold = allocated, held or asked back. */
    public record SellerSales(Long sellerId, String sellerCode, String sellerName, long allocated, long unsold,
                              long held, long sold, long amount, String currency) {
    }

    public record SeatTypeSales(String seatType, String name, long price, long seats, long free, long allocated,
                                long sold, long amount, String currency) {
    }

    /** period is {@code 2026-12-19} (daily) or {@code 2026-12} (monthly). */
    public record PeriodSales(String period, long tickets, long amount, String currency) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public VacancyMap vacancyMap(Long performanceId) {
        Scope s = scope(null, performanceId);
        Performance p = s.performances.get(0);
        SeatLayout layout = p.getEvent().getLayout();
        Map<Cell, Ticket> byCell = new HashMap<>();
        for (Ticket t : s.tickets) {
            byCell.put(t.getCell(), t);
        }
        Map<Cell, String> typeOf = seatTypeOf(p.getEvent());
        Map<String, Long> counts = new LinkedHashMap<>(); // by Vacancy name, every one present
        for (Vacancy v : Vacancy.values()) {
            if (v != Vacancy.ELSEWHERE || s.sellerOnly != null) {
                counts.put(v.name(), 0L);
            }
        }
        Map<Long, SellerRef> sellers = new TreeMap<>();
        List<SeatStatus> seats = new ArrayList<>();
        for (Cell cell : CellRanges.parse(layout.getSeatRanges()).cells()) {
            Ticket t = byCell.get(cell);
            Vacancy v = t == null ? Vacancy.FREE : vacancy(t.getState());
            Long sellerId = t == null || t.getSeller() == null ? null : t.getSeller().getId();
            if (sellerId != null && s.sellerOnly != null && !sellerId.equals(s.sellerOnly)) {
                sellerId = null; // a seller learns neither whose the other seats are nor how they sell
                v = Vacancy.ELSEWHERE;
            }
            if (sellerId != null) {
                Seller seller = t.getSeller();
                sellers.putIfAbsent(sellerId, new SellerRef(sellerId, seller.getCode(), seller.getName()));
            }
            counts.merge(v.name(), 1L, Long::sum);
            seats.add(new SeatStatus(cell.label(), cell.row(), cell.column(), typeOf.get(cell), v, sellerId));
        }
        return new VacancyMap(p.getId(), p.getEvent().getCode(), performanceLabel(p), layout.getRows(), layout.getColumns(),
                counts, List.copyOf(sellers.values()), seats);
    }

    /** Per seller holding seats in the event (or one performance), ordered by seller code. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public List<SellerSales> bySeller(Long eventId, Long performanceId) {
        Scope s = scope(eventId, performanceId);
        Map<Long, Long> saleAmount = saleAmounts(s);
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, Seller> sellers = new HashMap<>();
        String currency = null;
        for (Ticket t : s.tickets) {
            if (t.getSeller() == null || (s.sellerOnly != null && !s.sellerOnly.equals(t.getSeller().getId()))) {
                continue;
            }
            sellers.put(t.getSeller().getCode(), t.getSeller());
            long[] r = rows.computeIfAbsent(t.getSeller().getCode(), k -> new long[5]);
            r[0]++;
            TicketState st = t.getState();
            if (st == TicketState.ALLOCATED || st == TicketState.HELD || st == TicketState.RETURN_REQUESTED) {
                r[1]++;
            }
            if (st == TicketState.HELD) {
                r[2]++;
            }
            if (TicketState.OWNED.contains(st)) {
                r[3]++;
                r[4] += saleAmount.getOrDefault(t.getId(), t.price());
            }
            currency = currency != null ? currency : currency(t);
        }
        String cur = currency;
        List<SellerSales> out = new ArrayList<>();
        rows.forEach((code, r) -> {
            Seller seller = sellers.get(code);
            out.add(new SellerSales(seller.getId(), code, seller.getName(), r[0], r[1], r[2], r[3], r[4], cur));
        });
        return out;
    }

    /** Per seat type of the event: its seats (times the performances in scope) and how they stand. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public List<SeatTypeSales> bySeatType(Long eventId, Long performanceId) {
        Scope s = scope(eventId, performanceId);
        Map<Long, Long> saleAmount = saleAmounts(s);
        List<SeatType> types = em.createQuery("select t from SeatType t where t.event = :e order by t.code", SeatType.class)
                .setParameter("e", s.event).getResultList();
        Map<Long, long[]> rows = new LinkedHashMap<>();
        for (SeatType type : types) {
            rows.put(type.getId(), new long[4]);
        }
        for (Ticket t : s.tickets) {
            if (t.getSeatType() == null || !rows.containsKey(t.getSeatType().getId())) {
                continue;
            }
            long[] r = rows.get(t.getSeatType().getId());
            boolean mine = s.sellerOnly == null || (t.getSeller() != null && s.sellerOnly.equals(t.getSeller().getId()));
            TicketState st = t.getState();
            if (st == TicketState.RETURNED) {
                continue; // with the organizer: counted as free below
            }
            r[0]++; // not free
            if (mine && (st == TicketState.ALLOCATED || st == TicketState.HELD || st == TicketState.RETURN_REQUESTED)) {
                r[1]++;
            }
            if (mine && TicketState.OWNED.contains(st)) {
                r[2]++;
                r[3] += saleAmount.getOrDefault(t.getId(), t.price());
            }
        }
        int performances = s.performances.size();
        return types.stream().map(type -> {
            long[] r = rows.get(type.getId());
            long seats = (long) type.getSeatCount() * performances;
            return new SeatTypeSales(type.getCode(), type.getName(), type.getPrice(), seats, seats - r[0], r[1], r[2], r[3],
                    type.getCurrency());
        }).toList();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public List<PeriodSales> daily(Long eventId, Long performanceId) {
        return periods(scope(eventId, performanceId), LocalDate::toString);
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public List<PeriodSales> monthly(Long eventId, Long performanceId) {
        return periods(scope(eventId, performanceId), d -> YearMonth.from(d).toString());
    }

    /** One of the views as a printable PDF; the vacancy map needs a performance. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public byte[] reportPdf(Report report, Long eventId, Long performanceId) {
        if (report == null) {
            throw new ValidationException("report is required: vacancy, sellers, seat-types, daily or monthly");
        }
        Scope s = scope(eventId, performanceId);
        String where = s.event.getCode() + " " + s.event.getName()
                + (performanceId == null ? " (all performances)" : ", " + performanceLabel(s.performances.get(0)));
        return switch (report) {
            case VACANCY -> {
                VacancyMap m = vacancyMap(performanceId);
                String[][] grid = new String[m.rows()][m.columns()];
                for (SeatStatus seat : m.seats()) {
                    grid[seat.row() - 1][seat.column() - 1] = seat.status().name();
                }
                Map<String, Color> legend = new LinkedHashMap<>();
                legend.put("FREE", new Color(0xE0E0E0));
                legend.put("ALLOCATED", new Color(0x1F77B4));
                legend.put("RETURN_REQUESTED", new Color(0xFF7F0E));
                legend.put("HELD", new Color(0xFFD92F));
                legend.put("SOLD", new Color(0xD62728));
                legend.put("VOID", new Color(0x555555));
                if (m.counts().containsKey(Vacancy.ELSEWHERE.name())) {
                    legend.put(Vacancy.ELSEWHERE.name(), new Color(0xB0B0B0));
                }
                PdfReport pdf = PdfReport.titled("Vacant-seat map: " + where);
                m.counts().forEach((v, n) -> pdf.line(v + ": " + n));
                yield pdf.seatMap(grid, legend).toBytes();
            }
            case SELLERS -> PdfReport.titled("Sales by seller: " + where)
                    .table(List.of("Seller", "Name", "Allocated", "Unsold", "Held", "Sold", "Amount"),
                            bySeller(eventId, performanceId).stream().map(r -> List.of(r.sellerCode(), r.sellerName(),
                                    n(r.allocated()), n(r.unsold()), n(r.held()), n(r.sold()),
                                    PdfReport.money(r.amount(), r.currency()))).toList()).toBytes();
            case SEAT_TYPES -> PdfReport.titled("Sales by seat type: " + where)
                    .table(List.of("Type", "Name", "Price", "Seats", "Free", "Allocated", "Sold", "Amount"),
                            bySeatType(eventId, performanceId).stream().map(r -> List.of(r.seatType(), r.name(),
                                    PdfReport.money(r.price(), r.currency()), n(r.seats()), n(r.free()), n(r.allocated()),
                                    n(r.sold()), PdfReport.money(r.amount(), r.currency()))).toList()).toBytes();
            case DAILY, MONTHLY -> PdfReport.titled((report == Report.DAILY ? "Daily" : "Monthly") + " sales: " + where)
                    .table(List.of(report == Report.DAILY ? "Day" : "Month", "Tickets", "Amount"),
                            (report == Report.DAILY ? daily(eventId, performanceId) : monthly(eventId, performanceId)).stream()
                                    .map(r -> List.of(r.period(), n(r.tickets()), PdfReport.money(r.amount(), r.currency())))
                                    .toList()).toBytes();
        };
    }

    // ---- internals -------------------------------------------------------------------------

    /** What a request covers: an event's performances (or one), their tickets, and a seller's limit. */
    private record Scope(Event event, List<Performance> performances, List<Ticket> tickets, Long sellerOnly) {
    }

    private Scope scope(Long eventId, Long performanceId) {
        Event event;
        List<Performance> performances;
        if (performanceId != null) {
            Performance p = em.find(Performance.class, performanceId);
            if (p == null) {
                throw new NotFoundException("performance " + performanceId + " does not exist");
            }
            if (eventId != null && !eventId.equals(p.getEvent().getId())) {
                throw new ValidationException("performance " + performanceId + " is not of event " + eventId);
            }
            event = p.getEvent();
            performances = List.of(p);
        } else if (eventId != null) {
            event = em.find(Event.class, eventId);
            if (event == null) {
                throw new NotFoundException("event " + eventId + " does not exist");
            }
            performances = em.createQuery("select p from Performance p where p.event = :e order by p.date, p.startTime",
                    Performance.class).setParameter("e", event).getResultList();
        } else {
            throw new ValidationException("give an eventId or a performanceId");
        }
        AccessService.Caller c = access.caller();
        Long sellerOnly = null;
        if (c.is(Roles.SELLER)) {
            long authorized = em.createQuery("select count(a) from SellerAuthorization a where a.performance.event = :e"
                    + " and a.seller.id = :s", Long.class).setParameter("e", event).setParameter("s", c.partyId()).getSingleResult();
            if (authorized == 0) {
                throw new AccessDeniedException("you are not authorized to sell event " + event.getCode());
            }
            sellerOnly = c.partyId();
        } else {
            access.checkEvent(event);
        }
        List<Ticket> tickets = performances.isEmpty() ? List.of()
                : em.createQuery("select t from Ticket t where t.performance in :ps", Ticket.class)
                .setParameter("ps", performances).getResultList();
        return new Scope(event, performances, tickets, sellerOnly);
    }

    /** SALE entries of the scope, by ticket. */
    private List<JournalEntry> sales(Scope s) {
        if (s.performances.isEmpty()) {
            return List.of();
        }
        var q = em.createQuery("select j from JournalEntry j where j.kind = :k and j.performanceId in :ps"
                        + (s.sellerOnly == null ? "" : " and j.sellerId = :s") + " order by j.id", JournalEntry.class)
                .setParameter("k", JournalEntry.Kind.SALE)
                .setParameter("ps", s.performances.stream().map(Performance::getId).toList());
        if (s.sellerOnly != null) {
            q.setParameter("s", s.sellerOnly);
        }
        return q.getResultList();
    }

    private Map<Long, Long> saleAmounts(Scope s) {
        Map<Long, Long> m = new HashMap<>();
        for (JournalEntry j : sales(s)) {
            if (j.getTicketId() != null) {
                m.merge(j.getTicketId(), j.getAmount(), Long::sum);
            }
        }
        return m;
    }

    private List<PeriodSales> periods(Scope s, Function<LocalDate, String> period) {
        Map<String, long[]> rows = new TreeMap<>();
        String currency = null;
        java.util.Set<Long> journalled = new java.util.HashSet<>();
        for (JournalEntry j : sales(s)) {
            long[] r = rows.computeIfAbsent(period.apply(LocalDate.ofInstant(j.getAt(), ZoneOffset.UTC)), k -> new long[2]);
            r[0]++;
            r[1] += j.getAmount();
            currency = currency != null ? currency : j.getCurrency();
            if (j.getTicketId() != null) {
                journalled.add(j.getTicketId());
            }
        }
        for (Ticket t : s.tickets) {
            boolean mine = s.sellerOnly == null || (t.getSeller() != null && s.sellerOnly.equals(t.getSeller().getId()));
            if (mine && TicketState.OWNED.contains(t.getState()) && !journalled.contains(t.getId())) {
                long[] r = rows.computeIfAbsent(period.apply(LocalDate.ofInstant(t.getChangedAt(), ZoneOffset.UTC)), k -> new long[2]);
                r[0]++;
                r[1] += t.price();
                currency = currency != null ? currency : currency(t);
            }
        }
        String cur = currency;
        List<PeriodSales> out = new ArrayList<>();
        rows.forEach((k, r) -> out.add(new PeriodSales(k, r[0], r[1], cur)));
        return out;
    }

    private Map<Cell, String> seatTypeOf(Event event) {
        Map<Cell, String> m = new HashMap<>();
        for (SeatType t : em.createQuery("select t from SeatType t where t.event = :e", SeatType.class)
                .setParameter("e", event).getResultList()) {
            if (!t.getRanges().isBlank()) {
                for (Cell c : CellRanges.parse(t.getRanges()).cells()) {
                    m.put(c, t.getCode());
                }
            }
        }
        return m;
    }

    static Vacancy vacancy(TicketState state) {
        return switch (state) {
            case ALLOCATED -> Vacancy.ALLOCATED;
            case RETURN_REQUESTED -> Vacancy.RETURN_REQUESTED;
            case HELD -> Vacancy.HELD;
            case RETURNED -> Vacancy.FREE;
            case NULLIFIED -> Vacancy.VOID;
            default -> Vacancy.SOLD;
        };
    }

    private static String currency(Ticket t) {
        return t.getSeatType() == null ? null : t.getSeatType().getCurrency();
    }

    private static String performanceLabel(Performance p) {
        return p.getDate() + " " + p.getStartTime();
    }

    private static String n(long v) {
        return Long.toString(v);
    }
}
