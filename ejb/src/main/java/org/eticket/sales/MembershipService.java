package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eticket.allocation.Seller;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Strings;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * Membership (C10, Fig 13): a customer applies with a seller, the seller registers the
 * application into its membership master with a membership number or refuses it with a
 * reason, and the customer may withdraw an application the seller has not decided yet.
 * Two decisions on one application at once (on any instances) meet the row's version: the
 * second fails and changes nothing.
 */
@Stateless
public class MembershipService {

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @RolesAllowed(Roles.CUSTOMER)
    public Member apply(Long sellerId) {
        Seller seller = sellerId == null ? null : em.find(Seller.class, sellerId);
        if (seller == null) {
            throw new NotFoundException("seller " + sellerId + " does not exist");
        }
        Customer me = em.find(Customer.class, access.caller().partyId());
        Member earlier = em.createQuery("select m from Member m where m.seller = :s and m.customer = :c", Member.class)
                .setParameter("s", seller).setParameter("c", me).getResultStream().findFirst().orElse(null);
        if (earlier != null && earlier.isClosed()) {
            earlier.reapply(Instant.now());
            return earlier;
        }
        if (earlier != null) {
            throw new ConflictException(earlier.getStatus() == Member.Status.REGISTERED
                    ? "you are already a registered member of " + seller.getName()
                    : "you have already applied for membership with " + seller.getName());
        }
        Member m = new Member(seller, me, Instant.now());
        em.persist(m);
        return m;
    }

    /** The seller registers an application; the number is the seller's code and a running number. */
    @RolesAllowed(Roles.SELLER)
    public Member register(Long memberId) {
        Member m = sellersApplication(memberId);
        if (m.getStatus() == Member.Status.REGISTERED) {
            throw new ConflictException("membership " + m.getMembershipNumber() + " is already registered");
        }
        waiting(m, "registered");
        long registered = em.createQuery("select count(m) from Member m where m.seller = :s and m.status = :r", Long.class)
                .setParameter("s", m.getSeller()).setParameter("r", Member.Status.REGISTERED).getSingleResult();
        // two registrations at once may pick the same number: the unique key refuses the second (409, retry)
        m.register(String.format(Locale.ROOT, "%s-%06d", m.getSeller().getCode(), registered + 1), Instant.now());
        return m;
    }

    /** The seller refuses an application still waiting, saying why; the customer sees the reason. */
    @RolesAllowed(Roles.SELLER)
    public Member refuse(Long memberId, String reason) {
        String why = Strings.required("reason", reason, 200);
        Member m = sellersApplication(memberId);
        waiting(m, "refused");
        m.refuse(why, Instant.now());
        return m;
    }

    /** The customer withdraws an own application the seller has not decided yet. */
    @RolesAllowed(Roles.CUSTOMER)
    public Member withdraw(Long memberId) {
        Member m = memberId == null ? null : em.find(Member.class, memberId);
        if (m == null || !m.getCustomer().getId().equals(access.caller().partyId())) {
            throw new NotFoundException("membership application " + memberId + " does not exist");
        }
        waiting(m, "withdrawn");
        m.withdraw(Instant.now());
        return m;
    }

    private Member sellersApplication(Long memberId) {
        Member m = memberId == null ? null : em.find(Member.class, memberId);
        if (m == null) {
            throw new NotFoundException("membership application " + memberId + " does not exist");
        }
        access.checkSeller(m.getSeller().getId());
        return m;
    }

    /** Only an application still waiting can be decided or withdrawn. */
    private static void waiting(Member m, String what) {
        switch (m.getStatus()) {
            case APPLIED -> { }
            case REGISTERED -> throw new ConflictException("membership " + m.getMembershipNumber()
                    + " is already registered and cannot be " + what);
            case REFUSED -> throw new ConflictException("this application was refused already (" + m.getRefusal()
                    + ") and cannot be " + what);
            case WITHDRAWN -> throw new ConflictException("this application was withdrawn by the customer and cannot be " + what);
        }
    }

    @RolesAllowed({Roles.CUSTOMER, Roles.SELLER, Roles.PLATFORM_ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Member> list() {
        AccessService.Caller c = access.caller();
        String where = c.is(Roles.CUSTOMER) ? " where m.customer.id = :p" : c.is(Roles.SELLER) ? " where m.seller.id = :p" : "";
        var q = em.createQuery("select m from Member m" + where + " order by m.id", Member.class);
        if (!where.isEmpty()) {
            q.setParameter("p", c.partyId());
        }
        return q.getResultList();
    }
}
