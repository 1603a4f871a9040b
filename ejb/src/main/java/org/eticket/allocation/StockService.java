package org.eticket.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatType;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;
import org.eticket.status.PdfReport;
import org.eticket.ticket.Ticket;
import org.eticket.ticket.TicketService;

/**
 * A seller's stock (C7, Figs 14, 34, 35; S1401-S1403): the seats the center holds for it,
 * exported in the seller's format (CSV or JSON), imported back into the seller's event master
 * ({@link SellerStockItem}), and the registration report that shows the organizer whether the
 * seller's event master agrees with the center.
 */
@Stateless
public class StockService {

    /** Largest file accepted by {@link #importStock}, in characters. */
    public static final int MAX_FILE = 20_000_000;

    public enum Format { CSV, JSON;

        public static Format of(String text) {
            try {
                return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("format \"" + text + "\" is not csv or json");
            }
        }
    }

    /** What an import did: seats read, new lines, changed lines, lines already as in the file. */
    public record ImportResult(int seats, int added, int updated, int unchanged) {
    }

    /**
     * The registration report (S1405-style check, C7): for one seller and performance, the seats
     * in its stock at the center against the lines of its event master.
     *
     * @param notRegistered seats in the seller's stock that its event master lacks
     * @param notInStock    lines of its event master that are no longer its stock (returned, say)
     * @param differing     seats whose seat type or price differ between the two
     * @param complete      none of the three lists has a seat: the seller registered exactly its stock
     */
    public record RegistrationReport(Long performanceId, String eventCode, String eventName, String performance,
                                     Long sellerId, String sellerCode, String sellerName,
                                     int inStock, int registered, int matching,
                                     List<String> notRegistered, List<String> notInStock, List<String> differing,
                                     Instant lastImport, boolean complete) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    TicketService tickets;

    /**
     * The seller's stock in its format: a seller its own (sellerId may be null), an organizer
     * any seller's of its event; of one performance, or of all (performanceId null).
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public List<StockLine> stock(Long performanceId, Long sellerId) {
        Seller seller = seller(sellerId);
        StringBuilder q = new StringBuilder("select t from Ticket t where t.seller = :s");
        Performance p = null;
        if (performanceId != null) {
            p = AllocationService.readablePerformance(em, access, performanceId);
            q.append(" and t.performance = :p");
        }
        AccessService.Caller c = access.caller();
        if (c.is(Roles.ORGANIZER)) {
            if (p == null) {
                q.append(" and t.performance.event.organizer.id = :org");
            }
        }
        var query = em.createQuery(q + " order by t.performance.date, t.performance.startTime, t.seatRow, t.seatColumn",
                Ticket.class).setParameter("s", seller);
        if (p != null) {
            query.setParameter("p", p);
        } else if (c.is(Roles.ORGANIZER)) {
            query.setParameter("org", c.partyId());
        }
        return query.getResultStream().map(StockService::line).toList();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public String export(Long performanceId, Long sellerId, Format format) {
        Seller seller = seller(sellerId);
        List<StockLine> lines = stock(performanceId, seller.getId());
        return format == Format.CSV ? StockCodec.toCsv(lines) : StockCodec.toJson(seller.getCode(), lines);
    }

    /**
     * Imports a stock file into the signed-in seller's event master (S1403). Every line must be a
     * seat of the seller's stock now, with the seat type and price the center has; otherwise the
     * whole file is refused with every bad line named. Importing the same file again adds nothing.
     */
    @RolesAllowed(Roles.SELLER)
    public ImportResult importStock(Format format, String content) {
        if (content != null && content.length() > MAX_FILE) {
            throw new ValidationException("the file is too large: at most " + MAX_FILE + " characters");
        }
        Seller seller = seller(null);
        List<StockCodec.Parsed> parsed = format == Format.CSV ? StockCodec.parseCsv(content) : StockCodec.parseJson(content);
        List<StockImportException.LineError> errors = new ArrayList<>();
        Map<String, Performance> performances = new HashMap<>();
        Map<Long, Map<String, Ticket>> stockByPerformance = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<Object[]> accepted = new ArrayList<>();
        for (StockCodec.Parsed row : parsed) {
            StockLine l = row.stock();
            String key = l.event() + "|" + l.performance();
            Performance p = performances.computeIfAbsent(key, k -> performance(l.event(), l.performance()));
            if (p == null) {
                errors.add(new StockImportException.LineError(row.line(), "event " + l.event() + " has no performance at "
                        + l.performance()));
                continue;
            }
            Integer seen = firstLine.putIfAbsent(p.getId() + "|" + l.seat(), row.line());
            if (seen != null) {
                errors.add(new StockImportException.LineError(row.line(), "seat " + l.seat() + " is listed again (first on line "
                        + seen + ")"));
                continue;
            }
            Ticket t = stockByPerformance.computeIfAbsent(p.getId(), id -> stockOf(seller, id)).get(l.seat());
            if (t == null) {
                errors.add(new StockImportException.LineError(row.line(), "seat " + l.seat() + " of " + l.event() + " "
                        + l.performance() + " is not in your stock"));
                continue;
            }
            StockLine truth = line(t);
            List<String> diff = new ArrayList<>();
            if (!Objects.equals(truth.seatType(), l.seatType())) {
                diff.add("seat type is " + truth.seatType() + ", not " + l.seatType());
            }
            if (truth.price() != l.price() || (l.currency() != null && !Objects.equals(truth.currency(), l.currency()))) {
                diff.add("price is " + truth.price() + " " + truth.currency() + ", not " + l.price()
                        + (l.currency() == null ? "" : " " + l.currency()));
            }
            if (!diff.isEmpty()) {
                errors.add(new StockImportException.LineError(row.line(), "seat " + l.seat() + ": " + String.join(", ", diff)));
                continue;
            }
            accepted.add(new Object[] {p, truth});
        }
        if (!errors.isEmpty()) {
            throw new StockImportException(errors);
        }
        Instant now = tickets.now();
        String by = access.caller().username();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        Map<Long, Map<String, SellerStockItem>> existing = new HashMap<>();
        for (Object[] a : accepted) {
            Performance p = (Performance) a[0];
            StockLine l = (StockLine) a[1];
            SellerStockItem item = existing.computeIfAbsent(p.getId(), id -> masterOf(seller, id)).get(l.seat());
            if (item == null) {
                item = new SellerStockItem(seller, p, l.seat());
                item.apply(l.seatType(), l.price(), l.currency(), now, by);
                em.persist(item);
                added++;
            } else if (item.apply(l.seatType(), l.price(), l.currency(), now, by)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        AllocationService.flush(em, "the same stock was imported at the same moment by another session; import it again");
        return new ImportResult(parsed.size(), added, updated, unchanged);
    }

    /** The signed-in seller's event master, of one performance or of all. */
    @RolesAllowed(Roles.SELLER)
    public List<SellerStockItem> eventMaster(Long performanceId) {
        Seller seller = seller(null);
        String q = "select i from SellerStockItem i where i.seller = :s" + (performanceId == null ? "" : " and i.performance.id = :p")
                + " order by i.performance.date, i.performance.startTime, i.seat";
        var query = em.createQuery(q, SellerStockItem.class).setParameter("s", seller);
        if (performanceId != null) {
            query.setParameter("p", performanceId);
        }
        return query.getResultList();
    }

    /** The registration report: a seller its own, the organizer any seller of its event. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public RegistrationReport registrationReport(Long performanceId, Long sellerId) {
        Performance p = AllocationService.readablePerformance(em, access, performanceId);
        Seller seller = seller(sellerId);
        Map<String, Ticket> stock = stockOf(seller, p.getId());
        Map<String, SellerStockItem> master = masterOf(seller, p.getId());
        List<String> notRegistered = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        int matching = 0;
        for (Ticket t : stock.values()) {
            SellerStockItem i = master.get(t.getSeat());
            if (i == null) {
                notRegistered.add(t.getSeat());
                continue;
            }
            StockLine truth = line(t);
            if (Objects.equals(truth.seatType(), i.getSeatType()) && truth.price() == i.getPrice()
                    && Objects.equals(truth.currency(), i.getCurrency())) {
                matching++;
            } else {
                differing.add(t.getSeat());
            }
        }
        List<String> notInStock = master.keySet().stream().filter(seat -> !stock.containsKey(seat)).toList();
        Instant last = master.values().stream().map(SellerStockItem::getImportedAt).max(Instant::compareTo).orElse(null);
        return new RegistrationReport(p.getId(), p.getEvent().getCode(), p.getEvent().getName(), key(p),
                seller.getId(), seller.getCode(), seller.getName(), stock.size(), master.size(), matching,
                sortedSeats(notRegistered), sortedSeats(new ArrayList<>(notInStock)), sortedSeats(differing), last,
                notRegistered.isEmpty() && notInStock.isEmpty() && differing.isEmpty());
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER})
    public byte[] registrationReportPdf(Long performanceId, Long sellerId) {
        RegistrationReport r = registrationReport(performanceId, sellerId);
        return PdfReport.titled("Registration report: " + r.sellerName())
                .line("Event: " + r.eventCode() + " " + r.eventName())
                .line("Performance: " + r.performance())
                .line("Seller: " + r.sellerCode() + " " + r.sellerName())
                .line("Seats in stock at the center: " + r.inStock())
                .line("Seats registered in the seller's event master: " + r.registered())
                .line("Matching: " + r.matching())
                .line("Last import: " + (r.lastImport() == null ? "never" : r.lastImport().toString()))
                .line(r.complete() ? "Status: complete, the seller's event master agrees with the center"
                        : "Status: incomplete")
                .table(List.of("Check", "Seats"), List.of(
                        List.of("In stock, not registered", join(r.notRegistered())),
                        List.of("Registered, no longer in stock", join(r.notInStock())),
                        List.of("Seat type or price differ", join(r.differing()))))
                .toBytes();
    }

    // ---- internals -------------------------------------------------------------------------

    /** The seller named, checked against the caller: a seller may name only itself (or no one). */
    private Seller seller(Long sellerId) {
        AccessService.Caller c = access.caller();
        Long id = sellerId;
        if (c.is(Roles.SELLER)) {
            if (id != null && !id.equals(c.partyId())) {
                throw new AccessDeniedException("this record belongs to another seller");
            }
            id = c.partyId();
        } else if (id == null) {
            throw new ValidationException("sellerId is required");
        }
        Seller s = id == null ? null : em.find(Seller.class, id);
        if (s == null) {
            throw new org.eticket.platform.NotFoundException("seller " + id + " does not exist");
        }
        return s;
    }

    private Performance performance(String eventCode, String when) {
        LocalDateTime at = LocalDateTime.parse(when);
        return em.createQuery("select p from Performance p where p.event.code = :e and p.date = :d and p.startTime = :t",
                        Performance.class).setParameter("e", eventCode).setParameter("d", at.toLocalDate())
                .setParameter("t", at.toLocalTime()).getResultStream().findFirst().orElse(null);
    }

    private Map<String, Ticket> stockOf(Seller seller, Long performanceId) {
        Map<String, Ticket> m = new java.util.LinkedHashMap<>();
        em.createQuery("select t from Ticket t where t.seller = :s and t.performance.id = :p order by t.seatRow, t.seatColumn",
                        Ticket.class).setParameter("s", seller).setParameter("p", performanceId)
                .getResultStream().forEach(t -> m.put(t.getSeat(), t));
        return m;
    }

    private Map<String, SellerStockItem> masterOf(Seller seller, Long performanceId) {
        Map<String, SellerStockItem> m = new HashMap<>();
        em.createQuery("select i from SellerStockItem i where i.seller = :s and i.performance.id = :p", SellerStockItem.class)
                .setParameter("s", seller).setParameter("p", performanceId).getResultStream().forEach(i -> m.put(i.getSeat(), i));
        return m;
    }

    static String key(Performance p) {
        return LocalDateTime.of(p.getDate(), p.getStartTime()).toString();
    }

    private static StockLine line(Ticket t) {
        Performance p = t.getPerformance();
        SeatType type = t.getSeatType();
        return new StockLine(p.getEvent().getCode(), key(p), t.getSeat(), type == null ? null : type.getCode(), t.price(),
                type == null ? null : type.getCurrency());
    }

    private static List<String> sortedSeats(List<String> seats) {
        Set<String> unique = new HashSet<>(seats);
        return unique.stream().map(org.eticket.catalog.grid.Cell::parse).sorted().map(org.eticket.catalog.grid.Cell::label).toList();
    }

    private static String join(List<String> seats) {
        return seats.isEmpty() ? "none" : org.eticket.catalog.grid.CellRanges.fromCells(
                seats.stream().map(org.eticket.catalog.grid.Cell::parse).toList()).label();
    }
}
