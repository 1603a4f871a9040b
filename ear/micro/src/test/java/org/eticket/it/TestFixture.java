package org.eticket.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.CellRanges;
import org.eticket.journal.Journal;
import org.eticket.journal.JournalEntry;
import org.eticket.sales.Customer;
import org.eticket.ticket.Ticket;
import org.eticket.ticket.TicketService;

/**
 * Test fixture deployed only with {@link AllocationIT}: sells seats of a seller's stock to a demo
 * customer through the ticket master, as the sales capability will, so that the sales status has
 * sales to count ({@code journal=true} also writes the sales journal's SALE entry; without it the
 * sale is counted from the ticket's state alone); and reads a seat's journal, which has no API yet.
 */
@Stateless
@Path("test-fixture")
public class TestFixture {

    @PersistenceContext
    EntityManager em;

    @EJB
    TicketService tickets;

    @EJB
    Journal journal;

    @POST
    @Path("sales")
    @RolesAllowed("organizer")
    public String sell(@QueryParam("performanceId") Long performanceId, @QueryParam("seats") String seats,
                       @QueryParam("journal") boolean withJournal) {
        Customer alice = em.createQuery("select c from Customer c where c.email = 'alice@example.com'", Customer.class)
                .getSingleResult();
        int sold = 0;
        for (Ticket t : tickets.atCells(performanceId, CellRanges.parse(seats).cells())) {
            tickets.sell(t, alice, "test sale");
            if (withJournal) {
                journal.sale(tickets.now(), t.getId(), performanceId, t.getSeller().getId(), null, t.price(),
                        t.getSeatType().getCurrency(), "test sale");
            }
            sold++;
        }
        return Integer.toString(sold);
    }

    /** The seat's journal as lines {@code FROM>TO by ACTOR: DETAIL}, oldest first. */
    @GET
    @Path("journal")
    @Produces("text/plain")
    @RolesAllowed("organizer")
    public String journal(@QueryParam("performanceId") Long performanceId, @QueryParam("seat") String seat) {
        Ticket t = tickets.atCells(performanceId, java.util.List.of(Cell.parse(seat))).get(0);
        StringBuilder sb = new StringBuilder();
        for (JournalEntry e : journal.ofTicket(t.getId())) {
            sb.append(e.getFromState()).append('>').append(e.getToState()).append(" by ").append(e.getActor())
                    .append(": ").append(e.getDetail()).append('\n');
        }
        return sb.toString();
    }
}
