package org.eticket.web.shop;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eticket.allocation.Seller;
import org.eticket.sales.Member;
import org.eticket.sales.MembershipDirectory;
import org.eticket.sales.MembershipService;

/**
 * Membership on the portal (Fig 13): the customer applies with a seller (fan club) and follows
 * the application until the seller registers it in its membership master with a number.
 */
@Named
@ViewScoped
public class MembershipView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MembershipService memberships;

    @EJB
    MembershipDirectory directory;

    private Long sellerId;

    private transient List<Member> mine;
    private transient List<Seller> sellers;

    public List<Member> getMine() {
        if (mine == null) {
            mine = memberships.list();
        }
        return mine;
    }

    /** Sellers not yet applied to: an application is made once per seller. */
    public List<Seller> getSellers() {
        if (sellers == null) {
            Set<Long> applied = getMine().stream().map(m -> m.getSeller().getId()).collect(Collectors.toSet());
            sellers = directory.sellers().stream().filter(s -> !applied.contains(s.getId())).toList();
        }
        return sellers;
    }

    public String kind(Seller s) {
        return s.getKind() == Seller.Kind.FAN_CLUB ? "fan club" : "ticket agency";
    }

    /** The state of a membership in the customer's words. */
    public String state(Member m) {
        return m.getStatus() == Member.Status.REGISTERED ? "Registered member"
                : "Applied: waiting for " + m.getSeller().getName() + " to register it";
    }

    public void apply() {
        if (sellerId == null) {
            Messages.warn("Choose the fan club or seller to apply to.");
            return;
        }
        try {
            Member m = memberships.apply(sellerId);
            Messages.info("You applied for membership with " + m.getSeller().getName() + ". It registers your application"
                    + " and gives you a membership number; members may buy its members-only seats.");
            sellerId = null;
        } catch (RuntimeException e) {
            Messages.show(e);
        }
        mine = null;
        sellers = null;
    }

    public Long getSellerId() { return sellerId; }

    public void setSellerId(Long sellerId) { this.sellerId = sellerId; }
}
