package org.eticket.sales;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Performance;
import org.eticket.journal.Journal;
import org.eticket.payment.AfterRollback;
import org.eticket.payment.Authorization;
import org.eticket.payment.Card;
import org.eticket.payment.LedgerAccount;
import org.eticket.payment.LedgerEntry;
import org.eticket.payment.LedgerService;
import org.eticket.payment.PaymentGateway;
import org.eticket.payment.PaymentOutcome;
import org.eticket.payment.PaymentRefusedException;
import org.eticket.payment.PaymentSplit;
import org.eticket.payment.RewardPoints;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;
import org.eticket.ticket.TicketService;

/**
 * Purchase, all or nothing (C11-C13). The card is authorized first, outside any database
 * transaction (no row lock or connection is held while the acquirer answers; the in-process
 * test acquirer writes an approval only with the sale, so a purchase is one transaction); then in one
 * transaction the seats become SOLD to the buyer under a new order, points and e-money are
 * taken, a sale per ticket goes to the sales journal (C35) and the download notice is
 * queued. If that transaction fails (a seat taken meanwhile, not enough e-money, ...) the
 * authorization is voided, so nothing is charged; when it commits, the amount is captured
 * (in the sale's own transaction when the acquirer's books can join it, else right after).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurchaseService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(PurchaseService.class.getName());
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @PersistenceContext
    EntityManager em;

    @EJB
    HoldService holds;

    /** This bean through the container, so {@link #sell} runs in a transaction of its own. */
    @EJB
    PurchaseService self;

    @EJB
    SeatSelection selection;

    @EJB
    TicketService tickets;

    @EJB
    Journal journal;

    @EJB
    LedgerService ledger;

    @EJB
    org.eticket.payment.LedgerAccounts accounts;

    @EJB
    PaymentGateway gateway;

    @EJB
    AccessService access;

    @EJB
    SalesTermsService terms;

    @EJB
    DownloadNotices notices;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    jakarta.ejb.SessionContext context;

    @Inject
    GroupCommit groupCommit;

    @Inject
    @ConfigProperty(name = "eticket.points.earn-basis-points", defaultValue = "100")
    int earnBasisPoints;

    @Inject
    @ConfigProperty(name = "eticket.zone", defaultValue = "Asia/Tokyo")
    String zone;

    /** A seller's system names its buyer (Fig 7: the purchase order receiver). */
    public record Buyer(String name, String email) {
    }

    /** Pays for the seats of the caller's hold; the hold must still be valid. */
    @RolesAllowed(Roles.CUSTOMER)
    public SalesOrder checkout(String holdId, PaymentRequest payment) {
        Hold hold = holds.own(holdId);
        List<Offer> seats = holds.held(holdId);
        String ended = holds.ended(hold, seats);
        if (ended != null) {
            throw new ConflictException(ended);
        }
        holds.checkOnSale(hold.getPerformance());
        Card card = card(payment);
        long total = HoldService.view(hold, seats).total();
        if (hold.getTotal() != null && hold.getTotal() != total) {
            // the organizer changed a price since the buyer saw it: nobody pays a price unseen
            holds.requote(holdId, total);
            throw new ConflictException("the price of your seats changed from " + hold.getTotal() + " to " + total + " "
                    + seats.get(0).currency() + " since you chose them; nothing was charged. They are still held for you:"
                    + " buy again to pay the new price");
        }
        Customer buyer = em.find(Customer.class, access.caller().partyId());
        try {
            return authorizeAndSell(new Sale(buyer, null, hold.getSeller(), hold.getPerformance(), Channel.PORTAL, seats,
                    payment, holdId, "your hold expired meanwhile and its seats were released; nothing was charged,"
                    + " choose seats again"), card);
        } catch (ConflictException e) {
            // e.g. a second click's checkout, refused because the first one bought the seats
            String why = holds.ended(holdId);
            throw why == null ? e : new ConflictException(why);
        }
    }

    /** Chooses and pays in one step (the API's purchase path). */
    @RolesAllowed(Roles.CUSTOMER)
    public SalesOrder purchase(SeatRequest request, PaymentRequest payment) {
        return purchase(request, payment, Channel.PORTAL);
    }

    /** The same, by the signed-in customer at a store's kiosk (C15): the order records the kiosk channel. */
    @RolesAllowed(Roles.CUSTOMER)
    public SalesOrder purchaseAtKiosk(SeatRequest request, PaymentRequest payment) {
        return purchase(request, payment, Channel.KIOSK);
    }

    private SalesOrder purchase(SeatRequest request, PaymentRequest payment, Channel channel) {
        if (request == null) {
            throw new ValidationException("say which seats to buy");
        }
        Customer buyer = em.find(Customer.class, access.caller().partyId());
        Seller seller = holds.seller(request.sellerId());
        holds.checkMayBuy(buyer, seller);
        return sellNow(buyer, null, seller, request, payment, channel);
    }

    /** A seller's own system submits a purchase order for its own stock (seed 004 Fig 7), paid by card. */
    @RolesAllowed(Roles.SELLER)
    public SalesOrder sellerOrder(SeatRequest request, Buyer buyer, PaymentRequest payment) {
        if (request == null || buyer == null) {
            throw new ValidationException("a purchase order names the seats and the buyer");
        }
        AccessService.Caller caller = access.caller();
        if (request.sellerId() != null && !request.sellerId().equals(caller.partyId())) {
            throw new AccessDeniedException("a seller submits purchase orders for its own stock only");
        }
        if (payment == null || payment.method() != PaymentRequest.Method.CARD || payment.pointsOrZero() != 0) {
            throw new ValidationException("a seller's purchase order is paid by the buyer's card");
        }
        Seller seller = holds.seller(caller.partyId());
        SeatRequest own = new SeatRequest(request.performanceId(), seller.getId(), request.seats(), request.seatType(), request.quantity());
        Customer customer = customer(buyer);
        holds.checkMayBuy(customer, seller);
        return sellNow(customer, buyer.name().strip(), seller, own, payment, Channel.SELLER_API);
    }

    private SalesOrder sellNow(Customer buyer, String buyerName, Seller seller, SeatRequest request, PaymentRequest payment,
                               Channel channel) {
        Card card = card(payment);
        Performance performance = holds.onSale(request.performanceId());
        List<Offer> seats = selection.choose(request, performance, seller);
        return authorizeAndSell(new Sale(buyer, buyerName, seller, performance, channel, seats, payment, null,
                HoldService.takenMeanwhile(seats)), card);
    }

    /**
     * What one purchase sells: the seats (held under {@code holdId}, or straight from stock when
     * null); {@code buyerName} is the name a seller's purchase order gave, null for the customer's own.
     */
    public record Sale(Customer buyer, String buyerName, Seller seller, Performance performance, Channel channel,
                       List<Offer> seats, PaymentRequest payment, String holdId, String takenMessage) {

        long total() {
            return seats.stream().mapToLong(Offer::priceOrZero).sum();
        }
    }

    /**
     * Authorizes the card part (if any) before the sale's transaction and settles it after:
     * captured when the sale committed, voided when it did not.
     */
    private SalesOrder authorizeAndSell(Sale sale, Card card) {
        if (sale.seats().stream().anyMatch(o -> o.price() == null)) {
            throw new ConflictException("a seat has no price yet and cannot be sold");
        }
        PaymentRequest p = sale.payment();
        long points = p.method() == PaymentRequest.Method.POINTS ? sale.total() : p.pointsOrZero();
        PaymentSplit split = PaymentSplit.of(sale.total(), points);
        if (split.points() > 0 && sale.buyer().getId() != null
                && accounts.idOf(sale.buyer().getId(), LedgerAccount.Kind.POINTS) == null) {
            openPoints(sale.buyer().getId()); // spending points: the account is needed before the sale
        }
        if (p.method() != PaymentRequest.Method.CARD || split.money() == 0) {
            return sellOpeningPoints(sale, null);
        }
        Authorization auth = gateway.authorizeForSale(card, split.money(), sale.seats().get(0).currency(),
                "order of " + sale.buyer().getEmail() + " for performance " + sale.performance().getId());
        boolean open = auth.outcome() == PaymentOutcome.APPROVED || auth.outcome() == PaymentOutcome.TIMEOUT;
        if (!auth.approved()) {
            if (open) {
                gateway.voidAuthorization(auth); // it may have been approved; the answer was lost
            }
            throw new PaymentRefusedException(auth.outcome(), "payment refused: " + auth.outcome().reason());
        }
        SalesOrder order;
        try {
            order = sellOpeningPoints(sale, auth);
        } catch (RuntimeException e) {
            gateway.voidAuthorization(auth);
            throw e;
        }
        if (order.isCapturedWithSale()) {
            return order;
        }
        try {
            gateway.capture(auth.reference(), split.money());
        } catch (RuntimeException e) {
            // the sale stands; the acquirer keeps the authorization and the capture is retried by hand
            LOG.log(Level.SEVERE, "order " + order.getNumber() + ": capture of " + auth.reference() + " failed", e);
        }
        return order;
    }

    /**
     * The sale; on the buyer's first purchase, when it finds no points account to credit, the
     * account is opened here, outside the sale's transaction (so a sale never waits for a
     * second pooled connection), and the sale runs once more. Every later purchase of the
     * buyer is spared a separate lookup of the account before its transaction.
     */
    private SalesOrder sellOpeningPoints(Sale sale, Authorization auth) {
        if (GroupCommit.suits(sale, auth)) {
            SalesOrder order = groupCommit.sell(new GroupCommit.Pending(sale, auth, Journal.actorOf(context.getCallerPrincipal())),
                    self::sellAll);
            if (order != null) {
                return order;
            }
            // its batch failed as a whole, or the buyer has no points account yet: alone, as below
        }
        try {
            return self.sell(sale, auth);
        } catch (PointsAccountMissing missing) {
            openPoints(sale.buyer().getId());
            return self.sell(sale, auth);
        }
    }

    private void openPoints(Long customerId) {
        accounts.open(customerId, LedgerAccount.Kind.POINTS); // once: another purchase opening it meanwhile is waited for
    }

    /** The buyer has no points account yet: the sale rolls back and is run again after opening it. */
    @ApplicationException(rollback = true)
    public static class PointsAccountMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PointsAccountMissing() {
            super("the buyer's points account is not open yet", null, false, false);
        }
    }

    /** The sale's transaction: seats, order, e-money and points, journal, notice; all or nothing. */
    @RolesAllowed({Roles.CUSTOMER, Roles.SELLER})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public SalesOrder sell(Sale sale, Authorization card) {
        List<Offer> seats = sale.seats();
        Customer buyer = sale.channel() == Channel.SELLER_API && sale.buyer().getId() == null
                ? newBuyer(sale.buyer()) : em.find(Customer.class, sale.buyer().getId());
        Predicate<SalesOrder> claim = sale.holdId() != null
                ? order -> tickets.sellHeld(sale.holdId(), seats.stream().map(Offer::claimed).toList(), buyer, order) == seats.size()
                : order -> tickets.sellAllocatedAll(List.of(new TicketService.Sold(seats.stream().map(Offer::claimed).toList(),
                        sale.seller().getId(), buyer.getId(), order.getId(), null)))[0];
        SalesOrder order = complete(buyer, sale.buyerName(), em.find(Seller.class, sale.seller().getId()),
                em.find(Performance.class, sale.performance().getId()), sale.channel(), seats, sale.payment(), card, claim,
                sale.takenMessage());
        if (sale.holdId() != null) {
            em.find(Hold.class, sale.holdId()).bought(order.getNumber());
        }
        return order;
    }

    private SalesOrder complete(Customer buyer, String buyerName, Seller seller, Performance performance, Channel channel,
                                List<Offer> seats, PaymentRequest payment, Authorization card, Predicate<SalesOrder> claim,
                                String taken) {
        Instant now = tickets.now();
        SalesOrder order = newOrder(buyer, buyerName, seller, performance, channel, seats, payment, card, now, terms::termsOf);
        em.persist(order);
        em.flush(); // the order row exists before the tickets point to it
        // Seats first, lines after: a line's unique ticket key is only ever written by the
        // transaction that already owns the seat, so purchases never wait on each other's lines.
        try {
            if (!claim.test(order)) {
                throw new ConflictException(taken);
            }
        } catch (PersistenceException lockClash) {
            // Derby gave up waiting for a row another checkout holds (deadlock or lock time-out)
            throw new ConflictException("the seats are being bought by someone else right now; nothing was charged, try again");
        }
        finish(order, seats, card, now, null, null);
        return order;
    }

    /**
     * Several card sales from stock in one transaction (a {@link GroupCommit} batch): the
     * orders are written, then every sale's seats in one batch of conditional UPDATEs; a sale
     * whose seats were taken meanwhile is refused and leaves nothing, the others complete as
     * {@link #sell} would. A buyer without a points account yet is left to run alone.
     */
    @RolesAllowed({Roles.CUSTOMER, Roles.SELLER})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<GroupCommit.Outcome> sellAll(List<GroupCommit.Pending> batch) {
        Instant now = tickets.now();
        java.util.Map<Long, Long> pointsAccounts = accounts.pointsAccounts(
                batch.stream().map(p -> p.sale().buyer().getId()).collect(java.util.stream.Collectors.toSet()));
        GroupCommit.Outcome[] outcomes = new GroupCommit.Outcome[batch.size()];
        List<Integer> written = new java.util.ArrayList<>();
        List<SalesOrder> orders = new java.util.ArrayList<>();
        List<TicketService.Sold> claims = new java.util.ArrayList<>();
        java.util.Map<Long, SalesTerms> termsOf = new java.util.HashMap<>(); // a batch's sales are mostly of a few events
        for (int i = 0; i < batch.size(); i++) {
            GroupCommit.Pending p = batch.get(i);
            Sale sale = p.sale();
            if (!pointsAccounts.containsKey(sale.buyer().getId())) {
                outcomes[i] = GroupCommit.Outcome.ALONE; // the buyer's first purchase opens the account on its own
                continue;
            }
            SalesOrder order = newOrder(em.find(Customer.class, sale.buyer().getId()), sale.buyerName(),
                    em.find(Seller.class, sale.seller().getId()),
                    em.find(Performance.class, sale.performance().getId()), sale.channel(), sale.seats(), sale.payment(), p.card(),
                    now, event -> termsOf.computeIfAbsent(event, terms::termsOf));
            em.persist(order);
            written.add(i);
            orders.add(order);
            claims.add(new TicketService.Sold(sale.seats().stream().map(Offer::claimed).toList(), sale.seller().getId(),
                    sale.buyer().getId(), order.getId(), p.actor()));
        }
        if (!orders.isEmpty()) {
            em.flush(); // the orders' rows exist before the tickets point to them
            boolean[] sold = tickets.sellAllocatedAll(claims);
            for (int k = 0; k < orders.size(); k++) {
                int i = written.get(k);
                Sale sale = batch.get(i).sale();
                SalesOrder order = orders.get(k);
                if (!sold[k]) {
                    em.remove(order);
                    outcomes[i] = GroupCommit.Outcome.refused(new ConflictException(sale.takenMessage()));
                    continue;
                }
                finish(order, sale.seats(), batch.get(i).card(), now, pointsAccounts.get(sale.buyer().getId()),
                        batch.get(i).actor());
                outcomes[i] = GroupCommit.Outcome.sold(order);
            }
        }
        return List.of(outcomes);
    }

    /**
     * The order as stored, everything its row holds settled before its one INSERT (no UPDATE
     * of it later); its id is drawn in Java, so the number derives from it now.
     */
    private SalesOrder newOrder(Customer buyer, String buyerName, Seller seller, Performance performance, Channel channel,
                                List<Offer> seats,
                                PaymentRequest payment, Authorization card, Instant now,
                                java.util.function.Function<Long, SalesTerms> termsOfEvent) {
        String currency = seats.get(0).currency();
        long total = 0;
        for (Offer o : seats) {
            if (o.price() == null) {
                throw new ConflictException("seat " + o.seat() + " has no price yet and cannot be sold");
            }
            total = Math.addExact(total, o.price());
        }
        SalesOrder order = new SalesOrder(buyer, seller, performance, channel, now, currency, token());
        if (buyerName != null) {
            order.buyerNamed(buyerName);
        }
        var window = termsOfEvent.apply(performance.getEvent().getId()).windowFor(now, start(performance));
        order.downloadWindow(window.opens(), window.closes());
        order.number("ET" + Long.toString(order.getId(), 36).toUpperCase(Locale.ROOT));
        order.priced(total);
        order.contents(contents(performance, seats, total, currency));
        settle(order, payment, card);
        return order;
    }

    /**
     * What follows once the order owns its seats: its lines, the money side, a sale per
     * ticket in the sales journal (on behalf of {@code actor}, or of the caller when null),
     * and the download notice.
     */
    private void finish(SalesOrder order, List<Offer> seats, Authorization card, Instant now, Long pointsAccount, String actor) {
        for (Offer o : seats) {
            OrderLine line = new OrderLine(order, o.ticketId(), o.seat(), o.row(), o.column(), o.seatType(), o.price());
            order.addLine(line);
            em.persist(line);
        }
        book(order, order.getBuyer(), card, pointsAccount);
        Long performance = order.getPerformance().getId();
        Long seller = order.getSeller().getId();
        for (OrderLine l : order.getLines()) {
            journal.saleBy(actor, now, l.getTicketId(), performance, seller, order.getId(), l.getPrice(), order.getCurrency(),
                    "order " + order.getNumber() + " " + order.getChannel() + " seat " + l.getSeat());
        }
        notices.queue(order);
    }

    /** How the total is paid, written on the order before it is stored; refuses what cannot be paid so. */
    private PaymentSplit settle(SalesOrder order, PaymentRequest payment, Authorization card) {
        long pointsAsked = payment.method() == PaymentRequest.Method.POINTS ? order.getTotal() : payment.pointsOrZero();
        PaymentSplit split = PaymentSplit.of(order.getTotal(), pointsAsked);
        long eMoney = 0;
        long cardPaid = 0;
        if (split.money() > 0) {
            if (payment.method() == PaymentRequest.Method.E_MONEY) {
                eMoney = split.money();
            } else if (payment.method() == PaymentRequest.Method.POINTS) {
                throw new ValidationException("POINTS pays the whole price; use CARD or E_MONEY with points for a discount");
            } else {
                if (card == null || card.amount() != split.money()) {
                    throw new IllegalStateException("the card authorization does not cover " + split.money());
                }
                order.card(card.reference(), card.cardToken(), card.lastFour());
                cardPaid = split.money();
            }
        }
        order.paid(split.points(), eMoney, cardPaid, new RewardPoints(earnBasisPoints).earnedOn(eMoney + cardPaid));
        return split;
    }

    /** The money side in the sale's transaction: points and e-money taken, points earned, the card captured. */
    private void book(SalesOrder order, Customer buyer, Authorization card, Long pointsAccount) {
        if (order.getPointsUsed() > 0) {
            ledger.debit(buyer.getId(), LedgerAccount.Kind.POINTS, order.getPointsUsed(), LedgerEntry.Reason.PURCHASE,
                    order.getId());
        }
        if (order.getEMoneyPaid() > 0) {
            ledger.debit(buyer.getId(), LedgerAccount.Kind.E_MONEY, order.getEMoneyPaid(), LedgerEntry.Reason.PURCHASE, order.getId());
        }
        long earned = order.getPointsEarned();
        if (earned > 0 && pointsAccount != null) {
            ledger.credit(pointsAccount, earned, LedgerEntry.Reason.EARNED, order.getId());
        } else if (earned > 0) {
            if (ledger.creditIfOpen(buyer.getId(), LedgerAccount.Kind.POINTS, earned, LedgerEntry.Reason.EARNED, order.getId(),
                    null) == null) {
                throw new PointsAccountMissing();
            }
        }
        if (order.getCardPaid() > 0) {
            // in this transaction when the acquirer can: captured exactly when the sale commits
            order.capturedWithSale(gateway.captureWithin(card, order.getCardPaid()));
        }
    }

    /** Checks the input before anything is claimed; the card is needed only when money is paid by card. */
    private Card card(PaymentRequest p) {
        if (p == null || p.method() == null) {
            throw new ValidationException("say how to pay: CARD, E_MONEY or POINTS");
        }
        if (p.method() != PaymentRequest.Method.CARD) {
            return null;
        }
        return Card.of(p.cardNumber(), p.expiryMonth(), p.expiryYear(), p.cvc(), p.cardHolder(), YearMonth.now(ZoneId.of(zone)));
    }

    /** The buyer a seller names: the customer with that e-mail, or a new one created with the sale. */
    private Customer customer(Buyer buyer) {
        String email = Strings.email("buyer email", buyer.email()).toLowerCase(Locale.ROOT);
        String name = Strings.required("buyer name", buyer.name(), 96);
        return em.createQuery("select c from Customer c where c.email = :e", Customer.class).setParameter("e", email)
                .getResultStream().findFirst().orElseGet(() -> new Customer(name, email));
    }

    private Customer newBuyer(Customer c) {
        em.persist(c);
        em.flush();
        ledger.openForNewCustomer(c, LedgerAccount.Kind.POINTS);
        return c;
    }

    Instant start(Performance p) {
        return p.startsAt(ZoneId.of(zone));
    }

    private String contents(Performance p, List<Offer> seats, long total, String currency) {
        StringBuilder b = new StringBuilder();
        b.append(p.getEvent().getName()).append(", ").append(SHOW.format(p.getDate().atTime(p.getStartTime())))
                .append(", ").append(p.getEvent().getVenue().getName()).append(": ");
        for (int i = 0; i < seats.size(); i++) {
            Offer o = seats.get(i);
            b.append(i == 0 ? "" : ", ").append(o.seat()).append(' ').append(o.seatType()).append(' ').append(o.price());
        }
        b.append("; total ").append(total).append(' ').append(currency);
        return b.toString();
    }

    private static String token() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
