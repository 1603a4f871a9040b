package org.eticket.demo;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eticket.allocation.Allocation;
import org.eticket.allocation.Quota;
import org.eticket.allocation.Seller;
import org.eticket.allocation.SellerAuthorization;
import org.eticket.catalog.Event;
import org.eticket.catalog.LayoutMark;
import org.eticket.catalog.Organizer;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatLayout;
import org.eticket.catalog.SeatType;
import org.eticket.catalog.Venue;
import org.eticket.catalog.VenueService;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eticket.sales.Customer;
import org.eticket.sales.Store;
import org.eticket.security.Roles;
import org.eticket.security.UserAccountService;
import org.eticket.ticket.TicketService;

/**
 * Loads the demo data once: it checks for the demo admin first, so a restart (or a second
 * instance) never duplicates it, and the unique codes stop a concurrent second load.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** A demo login as the run command prints it. */
    public record Login(String username, String password, String role, String actsFor) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("admin", "demo-admin", Roles.PLATFORM_ADMIN, "the platform"),
            new Login("organizer", "demo-organizer", Roles.ORGANIZER, "Aurora Live Promotions"),
            new Login("seller1", "demo-seller1", Roles.SELLER, "Ticket Plaza (agent)"),
            new Login("seller2", "demo-seller2", Roles.SELLER, "City Tickets (agent)"),
            new Login("fanclub", "demo-fanclub", Roles.SELLER, "Aurora Fan Club (fan club)"),
            new Login("store", "demo-store", Roles.STORE, "Corner Store Central"),
            new Login("venue", "demo-venue", Roles.VENUE, "Grand Hall staff"),
            new Login("alice", "demo-alice", Roles.CUSTOMER, "Alice Adams"),
            new Login("bob", "demo-bob", Roles.CUSTOMER, "Bob Brown"),
            new Login("carol", "demo-carol", Roles.CUSTOMER, "Carol Clark"));

    @PersistenceContext
    EntityManager em;

    @Inject
    UserAccountService users;

    @EJB
    TicketService tickets;

    /** Extra performances whose every seat is on sale at Ticket Plaza, for the purchase load benchmark (issue #4). */
    @Inject
    @ConfigProperty(name = "eticket.demo.bench-performances", defaultValue = "0")
    int benchPerformances;

    /** Loads the demo data unless it is there; true when it loaded. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean loadOnce() {
        if (users.find("admin").isPresent()) {
            return false;
        }
        Organizer organizer = new Organizer("AURORA", "Aurora Live Promotions");
        organizer.setAddress("1-1 Harbour Street, Yokohama");
        organizer.setEmail("office@aurora-live.example");
        em.persist(organizer);

        Venue hall = new Venue("GRAND-HALL", "Grand Hall", organizer);
        hall.setAddress("2-3 Park Avenue, Yokohama");
        em.persist(hall);
        SeatLayout concert = layout(hall, "Concert", 20, 30, organizer, "A20:D20");
        layout(hall, "Theatre", 12, 20, organizer, "A12:B12");

        Event event = new Event(organizer, "AURORA-2026", "Aurora Winter Tour 2026", concert);
        event.setPerformers("Aurora");
        event.setContact("Aurora Live Promotions, +81 45 000 0000");
        em.persist(event);
        seatType(event, "S", "S seat", 12000, "#d62728", "A1:AD5");
        seatType(event, "A", "A seat", 9000, "#1f77b4", "A6:AD12");
        seatType(event, "B", "B seat", 6000, "#2ca02c", "A13:AD20");
        // four weeks ahead of the day the demo is loaded: on sale, whenever a newcomer runs it (sales close at the start)
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusWeeks(4);
        Performance first = new Performance(event, firstDay, LocalTime.of(17, 0), LocalTime.of(18, 0), "North,South");
        Performance second = new Performance(event, firstDay.plusDays(1), LocalTime.of(16, 0), LocalTime.of(17, 0), "North,South");
        em.persist(first);
        em.persist(second);

        Seller plaza = seller("PLAZA", "Ticket Plaza", Seller.Kind.AGENT);
        Seller city = seller("CITY", "City Tickets", Seller.Kind.AGENT);
        Seller fanClub = seller("AURORA-FC", "Aurora Fan Club", Seller.Kind.FAN_CLUB);
        for (Performance p : List.of(first, second)) {
            em.persist(new SellerAuthorization(p, plaza, Quota.parse("200")));
            em.persist(new SellerAuthorization(p, city, Quota.parse("25%")));
            em.persist(new SellerAuthorization(p, fanClub, Quota.parse("100")));
            // stock within each quota; rows 4-5, 12 and 18-20 stay with the organizer to allocate
            stock(p, fanClub, "A1:AD3");
            stock(p, plaza, "A6:AD11");
            stock(p, city, "A13:AD17");
        }

        if (benchPerformances > 0) {
            benchStock(organizer, concert, plaza);
        }

        Store store = new Store("CORNER-01", "Corner Store Central", "5-8 Station Road, Yokohama");
        em.persist(store);
        Customer alice = customer("Alice Adams", "alice@example.com", LocalDate.of(1990, 4, 1));
        Customer bob = customer("Bob Brown", "bob@example.com", LocalDate.of(1985, 9, 12));
        Customer carol = customer("Carol Clark", "carol@example.com", LocalDate.of(2001, 1, 23));

        Long[] parties = {null, organizer.getId(), plaza.getId(), city.getId(), fanClub.getId(), store.getId(), hall.getId(),
                alice.getId(), bob.getId(), carol.getId()};
        for (int i = 0; i < LOGINS.size(); i++) {
            Login l = LOGINS.get(i);
            users.create(l.username(), l.password(), l.role(), parties[i], l.actsFor());
        }
        LOG.info("Demo data loaded");
        return true;
    }

    /** BENCH-2026: {@link #benchPerformances} dates, every seat a B seat in Ticket Plaza's stock. */
    private void benchStock(Organizer organizer, SeatLayout layout, Seller plaza) {
        Event bench = new Event(organizer, "BENCH-2026", "Load benchmark", layout);
        em.persist(bench);
        String all = "A1:" + Cell.columnLabel(layout.getColumns()) + layout.getRows();
        seatType(bench, "B", "B seat", 6000, "#2ca02c", all);
        for (int i = 0; i < benchPerformances; i++) {
            Performance p = new Performance(bench, LocalDate.now(ZoneOffset.UTC).plusWeeks(8).plusDays(i), LocalTime.of(17, 0), LocalTime.of(18, 0), "North");
            em.persist(p);
            em.persist(new SellerAuthorization(p, plaza, Quota.parse("100%")));
            stock(p, plaza, all);
        }
        LOG.info("Bench stock: " + benchPerformances + " performances of BENCH-2026 on sale at " + plaza.getCode());
    }

    private SeatLayout layout(Venue venue, String name, int rows, int columns, Organizer owner, String wheelchair) {
        SeatLayout layout = new SeatLayout(venue, name, rows, columns, owner);
        VenueService.setSeats(layout, null);
        em.persist(layout);
        em.persist(new LayoutMark(layout, LayoutMark.Kind.ATTRIBUTE, "wheelchair", wheelchair));
        return layout;
    }

    private void seatType(Event event, String code, String name, long price, String colour, String ranges) {
        SeatType t = new SeatType(event, code, name, price, "JPY", colour);
        VenueService.assignSeats(t, VenueService.parseOnLayout(event.getLayout(), ranges, "seat type " + code));
        em.persist(t);
    }

    private void stock(Performance p, Seller seller, String ranges) {
        CellRanges seats = VenueService.parseOnLayout(p.getEvent().getLayout(), ranges, "demo stock");
        Allocation a = new Allocation(p, seller, seats.label(), (int) seats.size(), tickets.now(), "demo");
        em.persist(a);
        List<SeatType> types = em.createQuery("select t from SeatType t where t.event = :e", SeatType.class)
                .setParameter("e", p.getEvent()).getResultList();
        for (Cell cell : seats.cells()) {
            SeatType type = types.stream().filter(t -> CellRanges.parse(t.getRanges()).contains(cell)).findFirst().orElse(null);
            tickets.allocate(a, cell, type, "demo stock");
        }
    }

    private Seller seller(String code, String name, Seller.Kind kind) {
        Seller s = new Seller(code, name, kind);
        s.setEmail(code.toLowerCase() + "@sellers.example");
        em.persist(s);
        return s;
    }

    private Customer customer(String name, String email, LocalDate born) {
        Customer c = new Customer(name, email);
        c.setDateOfBirth(born);
        em.persist(c);
        return c;
    }
}
