package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Performance;
import org.eticket.journal.Journal;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;
import org.eticket.ticket.TicketService;
import org.eticket.ticket.TicketState;

/**
 * Holds seats for a checkout (C11): the chosen seats, or the best N side by side, of one
 * seller's stock become HELD for a limited time and are unavailable to others; the
 * customer releases them, buys them, or the expiry sweep puts them back.
 */
@Stateless
public class HoldService {

    /** Tries of "best N" when someone takes the chosen seats between reading and claiming. */
    private static final int BEST_TRIES = 3;

    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @PersistenceContext
    EntityManager em;

    @EJB
    TicketService tickets;

    @EJB
    SeatSelection selection;

    @EJB
    AccessService access;

    @Inject
    @ConfigProperty(name = "eticket.hold.seconds", defaultValue = "600")
    long holdSeconds;

    @Inject
    @ConfigProperty(name = "eticket.zone", defaultValue = "Asia/Tokyo")
    String zone;

    /** A hold with what it holds, for the checkout screen. */
    public record HoldView(Hold hold, List<Offer> seats, long total, String currency) {
    }

    /**
     * Holds seats for the configured time, or for {@code seconds} when the checkout asks for
     * less (a kiosk or a quick API client); never longer than configured.
     */
    @RolesAllowed(Roles.CUSTOMER)
    public HoldView hold(SeatRequest request, Integer seconds) {
        if (request == null) {
            throw new ValidationException("say which seats to hold");
        }
        if (seconds != null && (seconds < 1 || seconds > holdSeconds)) {
            throw new ValidationException("holdSeconds is 1 to " + holdSeconds + ", was " + seconds);
        }
        Performance performance = onSale(request.performanceId());
        Seller seller = seller(request.sellerId());
        // The customer's row serializes the customer's holds, on any instance, so that holds
        // made at once cannot together pass the limit below.
        Customer customer = em.find(Customer.class, access.caller().partyId(), LockModeType.PESSIMISTIC_WRITE);
        checkMayBuy(customer, seller);
        checkHoldLimit(customer, performance, request);
        Instant until = tickets.now().plus(Duration.ofSeconds(seconds == null ? holdSeconds : seconds));
        String id = UUID.randomUUID().toString();
        List<Offer> seats = claim(request, performance, seller, id, until);
        HoldView quoted = view(null, seats);
        Hold hold = new Hold(id, performance, seller, customer, access.caller().username(), tickets.now(), until, seats.size(),
                quoted.total());
        em.persist(hold);
        return view(hold, seats);
    }

    /**
     * A customer holds at most {@link SeatSelection#MAX_SEATS} seats of a performance at a
     * time, over all their holds: otherwise one buyer could keep a whole block off sale by
     * holding it again and again.
     */
    private void checkHoldLimit(Customer customer, Performance performance, SeatRequest request) {
        long asked = request.seats() != null && !request.seats().isEmpty() ? request.seats().size()
                : request.quantity() == null ? 0 : request.quantity();
        long holding = em.createQuery("select count(t) from Ticket t, Hold h where t.holdId = h.id and h.customer = :c"
                        + " and h.performance = :p and t.state = :held and t.heldUntil > :now", Long.class)
                .setParameter("c", customer).setParameter("p", performance).setParameter("held", TicketState.HELD)
                .setParameter("now", tickets.now()).getSingleResult();
        if (holding > 0 && holding + asked > SeatSelection.MAX_SEATS) {
            throw new ConflictException("you already hold " + holding + (holding == 1 ? " seat" : " seats")
                    + " of this performance, and one buyer holds at most " + SeatSelection.MAX_SEATS
                    + " at a time; buy or release them before holding more");
        }
    }

    /** Claims the seats for {@code holdId} or throws; retries "best N" when the chosen seats were taken meanwhile. */
    List<Offer> claim(SeatRequest request, Performance performance, Seller seller, String holdId, Instant until) {
        for (int attempt = 1; ; attempt++) {
            List<Offer> seats = selection.choose(request, performance, seller);
            if (tickets.holdAll(seats.stream().map(Offer::claimed).toList(), seller.getId(), holdId, until)) {
                return seats;
            }
            boolean best = request.seats() == null || request.seats().isEmpty();
            if (!best) {
                throw new ConflictException(takenMeanwhile(seats));
            }
            if (attempt >= BEST_TRIES) {
                throw new ConflictException("the best seats kept being taken by other buyers while we held them; try again");
            }
        }
    }

    @RolesAllowed(Roles.CUSTOMER)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public HoldView get(String holdId) {
        Hold hold = own(holdId);
        return view(hold, held(holdId));
    }

    /** The customer gives the seats back before the hold expires. */
    @RolesAllowed(Roles.CUSTOMER)
    public int release(String holdId) {
        Hold hold = own(holdId);
        if (hold.getOrderNumber() == null && hold.getReleasedAt() == null) {
            hold.released(tickets.now());
        }
        int n = 0;
        for (Offer o : held(holdId)) {
            n += tickets.release(o.claimed(), holdId, null, "released by the buyer") ? 1 : 0;
        }
        return n;
    }

    /**
     * Puts back every seat whose hold expired before now. Safe on any number of instances at
     * once: each seat is released by a conditional UPDATE, so only one instance moves and
     * journals it and the others find nothing to do.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int releaseExpired(int max) {
        Instant now = tickets.now();
        List<Object[]> expired = em.createQuery("select t.id, t.performance.id, t.seller.id, t.holdId from Ticket t"
                        + " where t.state = :h and t.heldUntil <= :now order by t.id", Object[].class)
                .setParameter("h", TicketState.HELD).setParameter("now", now).setMaxResults(max).getResultList();
        int n = 0;
        for (Object[] row : expired) {
            TicketService.Claimed c = new TicketService.Claimed((Long) row[0], (Long) row[1], (Long) row[2]);
            n += tickets.release(c, (String) row[3], now, Journal.SYSTEM + ":hold-expiry, hold " + row[3] + " expired") ? 1 : 0;
        }
        return n;
    }

    public Hold own(String holdId) {
        Hold hold = holdId == null ? null : em.find(Hold.class, holdId);
        if (hold == null) {
            throw new NotFoundException("hold " + holdId + " does not exist");
        }
        AccessService.Caller c = access.caller();
        if (!c.isAdmin() && (hold.getCustomer() == null || !hold.getCustomer().getId().equals(c.partyId()))) {
            throw new AccessDeniedException("this hold belongs to another buyer");
        }
        return hold;
    }

    public List<Offer> held(String holdId) {
        return em.createQuery("select new org.eticket.sales.Offer(t.id, p.id, s.id, t.seat, t.seatRow, t.seatColumn,"
                        + " st.code, st.price, st.currency, t.state) from Ticket t join t.performance p join t.seller s"
                        + " left join t.seatType st where t.holdId = :h and t.state = :held order by t.seatRow, t.seatColumn",
                        Offer.class)
                .setParameter("h", holdId).setParameter("held", TicketState.HELD).getResultList();
    }

    /** Fan-club stock is sold to the fan club's registered members only (Fig 13). */
    public void checkMayBuy(Customer customer, Seller seller) {
        if (seller.getKind() == Seller.Kind.FAN_CLUB) {
            long members = customer.getId() == null ? 0 : em.createQuery("select count(m) from Member m where m.seller = :s and m.customer = :c"
                            + " and m.status = :r", Long.class)
                    .setParameter("s", seller).setParameter("c", customer).setParameter("r", Member.Status.REGISTERED)
                    .getSingleResult();
            if (members == 0) {
                throw new AccessDeniedException(seller.getName() + " sells to its registered members only; apply for membership first");
            }
        }
    }

    /**
     * Why the hold no longer holds its seats (bought, given back, expired), or null while it
     * does: what a second checkout of it, or its checkout page, tells the buyer.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String ended(String holdId) {
        return ended(own(holdId), held(holdId));
    }

    /** The same for a hold and the seats it holds now, both already read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String ended(Hold hold, List<Offer> seats) {
        if (hold.getOrderNumber() != null) {
            return "these seats were bought with order " + hold.getOrderNumber() + "; nothing more was charged";
        }
        if (hold.getReleasedAt() != null) {
            return "you released these seats; nothing was charged, choose seats again";
        }
        if (!hold.getUntil().isAfter(Instant.now()) || seats.size() != hold.getSeats()) {
            return "your hold expired at " + local(hold.getUntil()) + " and its seats were released;"
                    + " nothing was charged, choose seats again";
        }
        return null;
    }

    /** The checkout found other prices than the buyer was shown: the hold now quotes these. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void requote(String holdId, long total) {
        own(holdId).requote(total);
    }

    /** A performance that is still on sale: sales close when the show starts. */
    public Performance onSale(Long id) {
        Performance p = performance(id);
        checkOnSale(p);
        return p;
    }

    public void checkOnSale(Performance p) {
        if (started(p)) {
            throw new ConflictException("the performance of " + p.getEvent().getName() + " on "
                    + local(p.startsAt(ZoneId.of(zone))) + " has started; its tickets are no longer sold, nothing was charged");
        }
    }

    /** True once the show has started (asked outside transactions too, so not the ticket master's clock). */
    public boolean started(Performance p) {
        return !Instant.now().isBefore(p.startsAt(ZoneId.of(zone)));
    }

    private String local(Instant at) {
        return SHOW.format(at.atZone(ZoneId.of(zone))) + " (" + zone + ")";
    }

    public Performance performance(Long id) {
        if (id == null) {
            throw new ValidationException("say which performance (performanceId)");
        }
        Performance p = em.find(Performance.class, id);
        if (p == null) {
            throw new NotFoundException("performance " + id + " does not exist");
        }
        return p;
    }

    public Seller seller(Long id) {
        if (id == null) {
            throw new ValidationException("say which seller sells the seats (sellerId)");
        }
        Seller s = em.find(Seller.class, id);
        if (s == null) {
            throw new NotFoundException("seller " + id + " does not exist");
        }
        return s;
    }

    static HoldView view(Hold hold, List<Offer> seats) {
        long total = seats.stream().mapToLong(Offer::priceOrZero).sum();
        String currency = seats.isEmpty() ? "JPY" : seats.get(0).currency();
        return new HoldView(hold, seats, total, currency);
    }

    static String takenMeanwhile(List<Offer> seats) {
        return (seats.size() == 1 ? "seat " + seats.get(0).seat() + " was" : "one of the seats "
                + String.join(", ", seats.stream().map(Offer::seat).toList()) + " was")
                + " taken by another buyer meanwhile; nothing was charged, choose again";
    }
}
