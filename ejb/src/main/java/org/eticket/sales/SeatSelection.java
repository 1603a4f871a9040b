package org.eticket.sales;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Performance;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.GridException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.ValidationException;
import org.eticket.ticket.TicketState;

/**
 * Reads what a checkout asks for from a seller's stock and says clearly why it cannot have
 * it (001 claim 16 (e)). It only reads: the conditional UPDATE that claims the seats is the
 * guard against a seat being taken meanwhile.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SeatSelection {

    /** Most seats in one checkout, as box offices limit it. */
    public static final int MAX_SEATS = 10;

    private static final String OFFER = "select new org.eticket.sales.Offer(t.id, p.id, s.id, t.seat, t.seatRow, t.seatColumn,"
            + " st.code, st.price, st.currency, t.state) from Ticket t join t.performance p join t.seller s left join t.seatType st";

    @PersistenceContext
    EntityManager em;

    /** The seats to claim, in seat order; throws when any is not on sale by this seller now. */
    public List<Offer> choose(SeatRequest r, Performance performance, Seller seller) {
        boolean named = r.seats() != null && !r.seats().isEmpty();
        if (named == (r.quantity() != null)) {
            throw new ValidationException("ask either for named seats or for a quantity of a seat type, not both or neither");
        }
        return named ? named(r.seats(), performance, seller) : best(r.seatType(), r.quantity(), performance, seller);
    }

    /** Every seat of the seller's stock for the performance, free or not, for the seat list. */
    public List<Offer> stock(Long performanceId, Long sellerId) {
        return em.createQuery(OFFER + " where p.id = :p and s.id = :s order by t.seatRow, t.seatColumn", Offer.class)
                .setParameter("p", performanceId).setParameter("s", sellerId).getResultList();
    }

    /** Seats free now, per seller: [sellerId, count]. */
    public Map<Long, Long> availableBySeller(Long performanceId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select t.seller.id, count(t) from Ticket t where t.performance.id = :p"
                        + " and t.state = :a group by t.seller.id", Object[].class)
                .setParameter("p", performanceId).setParameter("a", TicketState.ALLOCATED).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    private List<Offer> named(List<String> labels, Performance performance, Seller seller) {
        if (labels.size() > MAX_SEATS) {
            throw new ValidationException("at most " + MAX_SEATS + " seats in one order, " + labels.size() + " asked");
        }
        Set<Cell> cells = new LinkedHashSet<>();
        for (String label : labels) {
            try {
                if (!cells.add(Cell.parse(label == null ? "" : label.strip()))) {
                    throw new ValidationException("seat " + label + " is asked for twice");
                }
            } catch (GridException | IllegalArgumentException e) {
                throw new ValidationException("\"" + label + "\" is not a seat: " + e.getMessage());
            }
        }
        // Per seat row, the asked columns: equality on the unique key's leading columns, so Derby
        // probes TICKET_SEAT for just these seats (a row range made it fetch hundreds of tickets).
        Map<Integer, List<Integer>> columnsByRow = new java.util.TreeMap<>();
        for (Cell c : cells) {
            columnsByRow.computeIfAbsent(c.row(), r -> new ArrayList<>()).add(c.column());
        }
        Map<Cell, Offer> found = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> row : columnsByRow.entrySet()) {
            for (Offer o : em.createQuery(OFFER + " where p.id = :p and t.seatRow = :r and t.seatColumn in :c", Offer.class)
                    .setParameter("p", performance.getId()).setParameter("r", row.getKey())
                    .setParameter("c", row.getValue()).getResultList()) {
                found.put(Cell.of(o.row(), o.column()), o);
            }
        }
        List<Offer> chosen = new ArrayList<>();
        for (Cell c : cells) {
            Offer o = found.get(c);
            if (o == null || !seller.getId().equals(o.sellerId())) {
                throw new ConflictException("seat " + c.label() + " is not on sale by " + seller.getName() + " for this performance");
            }
            if (o.state() != TicketState.ALLOCATED) {
                throw new ConflictException(unavailable(o));
            }
            if (o.price() == null) {
                throw new ConflictException("seat " + c.label() + " has no seat type and so no price yet; it cannot be sold");
            }
            chosen.add(o);
        }
        chosen.sort(java.util.Comparator.comparingInt(Offer::row).thenComparingInt(Offer::column));
        return chosen;
    }

    private List<Offer> best(String seatType, Integer quantity, Performance performance, Seller seller) {
        if (seatType == null || seatType.isBlank()) {
            throw new ValidationException("name the seat type for the best seats (e.g. S)");
        }
        if (quantity < 1 || quantity > MAX_SEATS) {
            throw new ValidationException("ask for 1 to " + MAX_SEATS + " seats, not " + quantity);
        }
        String type = seatType.strip().toUpperCase(java.util.Locale.ROOT);
        List<Offer> free = em.createQuery(OFFER + " where p.id = :p and s.id = :s and t.state = :a and st.code = :c",
                        Offer.class)
                .setParameter("p", performance.getId()).setParameter("s", seller.getId())
                .setParameter("a", TicketState.ALLOCATED).setParameter("c", type).getResultList();
        if (free.isEmpty() && !sells(seller, performance, type)) {
            throw new ConflictException(seller.getName() + " does not sell " + type + " seats for this performance;"
                    + " choose another seat type or seller");
        }
        if (free.isEmpty() && held(seller, performance, type)) {
            throw new ConflictException(seller.getName() + " has no " + type + " seats free for this performance right now:"
                    + " the last ones are being bought, and come back on sale if their buyers do not pay");
        }
        if (free.size() < quantity) {
            throw new ConflictException(free.isEmpty()
                    ? seller.getName() + " has no " + type + " seats left for this performance (its stock is sold out)"
                    : seller.getName() + " has only " + free.size() + " " + type + " seats left for this performance; "
                    + quantity + " asked");
        }
        Map<Long, Offer> byTicket = new HashMap<>();
        List<SeatPicker.Seat> seats = new ArrayList<>();
        for (Offer o : free) {
            byTicket.put(o.ticketId(), o);
            seats.add(new SeatPicker.Seat(o.ticketId(), o.row(), o.column()));
        }
        List<SeatPicker.Seat> picked = SeatPicker.best(seats, quantity, performance.getEvent().getLayout().getColumns());
        if (picked.isEmpty()) {
            throw new ConflictException(seller.getName() + " has " + free.size() + " " + type + " seats left, but not "
                    + quantity + " side by side; choose seats one by one");
        }
        return picked.stream().map(s -> byTicket.get(s.ticketId())).toList();
    }

    /** Whether the seller's stock for the performance has seats of this type at all, sold or not. */
    private boolean sells(Seller seller, Performance performance, String type) {
        return !em.createQuery("select t.id from Ticket t where t.performance = :p and t.seller = :s and t.seatType.code = :c",
                        Long.class)
                .setParameter("p", performance).setParameter("s", seller).setParameter("c", type).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Whether some of the seller's seats of this type are held for a checkout now. */
    private boolean held(Seller seller, Performance performance, String type) {
        return !em.createQuery("select t.id from Ticket t where t.performance = :p and t.seller = :s and t.seatType.code = :c"
                        + " and t.state = :h", Long.class)
                .setParameter("p", performance).setParameter("s", seller).setParameter("c", type)
                .setParameter("h", TicketState.HELD).setMaxResults(1).getResultList().isEmpty();
    }

    static String unavailable(Offer o) {
        return switch (o.state()) {
            case HELD -> "seat " + o.seat() + " is being bought by someone else right now; choose another seat";
            case ALLOCATED -> "seat " + o.seat() + " was taken meanwhile; choose another seat";
            default -> "seat " + o.seat() + " was sold meanwhile; choose another seat";
        };
    }
}
