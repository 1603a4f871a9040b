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
 * the application until the seller registers it in its membership master with a number, or
 * refuses it with a reason; an application still waiting can be withdrawn, and a refused or
 * withdrawn one made again.
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

    /** Sellers not applied to, or whose application was refused or withdrawn: one open application per seller. */
    public List<Seller> getSellers() {
        if (sellers == null) {
            Set<Long> applied = getMine().stream().filter(m -> !m.isClosed()).map(m -> m.getSeller().getId())
                    .collect(Collectors.toSet());
            sellers = directory.sellers().stream().filter(s -> !applied.contains(s.getId())).toList();
        }
        return sellers;
    }

    public String kind(Seller s) {
        return s.getKind() == Seller.Kind.FAN_CLUB ? "fan club" : "ticket agency";
    }

    /** The state of a membership in the customer's words. */
    public String state(Member m) {
        return switch (m.getStatus()) {
            case REGISTERED -> "Registered member";
            case APPLIED -> "Applied: waiting for " + m.getSeller().getName() + " to register it";
            case REFUSED -> "Refused by " + m.getSeller().getName() + ": " + m.getRefusal() + ". You may apply again.";
            case WITHDRAWN -> "Withdrawn by you. You may apply again.";
        };
    }

    public void withdraw(Long memberId) {
        try {
            Member m = memberships.withdraw(memberId);
            Messages.info("You withdrew your application with " + m.getSeller().getName() + ".");
        } catch (RuntimeException e) {
            Messages.show(e);
        }
        mine = null;
        sellers = null;
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
