package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/** Reading orders: a customer their own, a seller those it sold, an organizer those of its events. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrderService {

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER, Roles.CUSTOMER})
    public SalesOrder get(Long id) {
        SalesOrder o = id == null ? null : em.find(SalesOrder.class, id);
        if (o == null) {
            throw new NotFoundException("order " + id + " does not exist");
        }
        check(o);
        return o;
    }

    @RolesAllowed(Roles.CUSTOMER)
    public Page<SalesOrder> mine(int page, int size) {
        Page.check(page, size);
        Long me = access.caller().partyId();
        long total = em.createQuery("select count(o) from SalesOrder o where o.buyer.id = :c", Long.class)
                .setParameter("c", me).getSingleResult();
        var items = em.createQuery("select o from SalesOrder o where o.buyer.id = :c order by o.orderedAt desc, o.id desc", SalesOrder.class)
                .setParameter("c", me).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, total, page, size);
    }

    /**
     * The orders the caller may read, newest first (ids are random, so by time): a customer their own, a seller those it
     * sold, an organizer those of its events, the platform every order.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER, Roles.SELLER, Roles.CUSTOMER})
    public Page<SalesOrder> list(int page, int size) {
        AccessService.Caller c = access.caller();
        if (c.is(Roles.CUSTOMER)) {
            return mine(page, size);
        }
        Page.check(page, size);
        String where = c.is(Roles.SELLER) ? " where o.seller.id = :p"
                : c.is(Roles.ORGANIZER) ? " where o.performance.event.organizer.id = :p" : "";
        var count = em.createQuery("select count(o) from SalesOrder o" + where, Long.class);
        var items = em.createQuery("select o from SalesOrder o" + where + " order by o.orderedAt desc, o.id desc", SalesOrder.class);
        if (!where.isEmpty()) {
            count.setParameter("p", c.partyId());
            items.setParameter("p", c.partyId());
        }
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    /** The download page (Fig 15): only the buyer, and only inside the window. */
    @RolesAllowed({Roles.CUSTOMER, Roles.PLATFORM_ADMIN})
    public SalesOrder forDownload(String token, Instant now) {
        SalesOrder o = token == null ? null : em.createQuery("select o from SalesOrder o where o.downloadToken = :t",
                SalesOrder.class).setParameter("t", token).getResultStream().findFirst().orElse(null);
        if (o == null) {
            throw new NotFoundException("this download address is not known; check the link in your mail");
        }
        access.checkCustomer(o.getBuyer().getId());
        DownloadWindow w = new DownloadWindow(o.getDownloadOpensAt(), o.getDownloadClosesAt());
        switch (w.at(now)) {
            case EARLY -> throw new ConflictException("too early: the download of order " + o.getNumber() + " opens at "
                    + o.getDownloadOpensAt() + " (UTC); please come back then");
            case EXPIRED -> throw new ConflictException("the download window of order " + o.getNumber() + " closed at "
                    + o.getDownloadClosesAt() + " (UTC); ask the seller for help");
            default -> {
                return o;
            }
        }
    }

    private void check(SalesOrder o) {
        AccessService.Caller c = access.caller();
        if (c.isAdmin()
                || (c.is(Roles.CUSTOMER) && o.getBuyer().getId().equals(c.partyId()))
                || (c.is(Roles.SELLER) && o.getSeller().getId().equals(c.partyId()))
                || (c.is(Roles.ORGANIZER) && o.getPerformance().getEvent().getOrganizer().getId().equals(c.partyId()))) {
            return;
        }
        throw new AccessDeniedException("this order belongs to another " + c.role());
    }
}
