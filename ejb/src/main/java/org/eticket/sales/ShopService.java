package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Performance;
import org.eticket.catalog.SeatType;
import org.eticket.platform.NotFoundException;
import org.eticket.security.Roles;
import org.eticket.ticket.TicketState;

/** What the sales portal shows a buyer (C11, Fig 36): performances on sale, sellers with stock, seats. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({Roles.CUSTOMER, Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.ORGANIZER})
public class ShopService {

    /** A seller's stock for one performance: seats free now, of how many. */
    public record SellerStock(Seller seller, long available) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    SeatSelection selection;

    @EJB
    HoldService holds;

    /** Performances not yet started with at least one seat on sale, soonest first. */
    public List<Performance> onSale() {
        return em.createQuery("select p from Performance p where p.date >= :yesterday and exists (select t from Ticket t"
                        + " where t.performance = p and t.state = :a) order by p.date, p.startTime", Performance.class)
                .setParameter("yesterday", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1))
                .setParameter("a", TicketState.ALLOCATED).getResultStream().filter(p -> !holds.started(p)).toList();
    }

    public Performance performance(Long id) {
        Performance p = id == null ? null : em.find(Performance.class, id);
        if (p == null) {
            throw new NotFoundException("performance " + id + " does not exist");
        }
        return p;
    }

    public List<SeatType> seatTypes(Long performanceId) {
        return em.createQuery("select t from SeatType t where t.event = :e order by t.price desc", SeatType.class)
                .setParameter("e", performance(performanceId).getEvent()).getResultList();
    }

    /** Sellers with stock on this performance, with how many seats are free now. */
    public List<SellerStock> sellers(Long performanceId) {
        Map<Long, Long> free = selection.availableBySeller(performanceId);
        List<SellerStock> result = new ArrayList<>();
        for (Seller s : em.createQuery("select distinct t.seller from Ticket t where t.performance.id = :p", Seller.class)
                .setParameter("p", performanceId).getResultList()) {
            result.add(new SellerStock(s, free.getOrDefault(s.getId(), 0L)));
        }
        result.sort(java.util.Comparator.comparing(s -> s.seller().getName()));
        return result;
    }

    /** Every seat of a seller's stock with its state, for the seat list. */
    public List<Offer> seats(Long performanceId, Long sellerId) {
        performance(performanceId);
        if (em.find(Seller.class, sellerId) == null) {
            throw new NotFoundException("seller " + sellerId + " does not exist");
        }
        return selection.stock(performanceId, sellerId);
    }
}
