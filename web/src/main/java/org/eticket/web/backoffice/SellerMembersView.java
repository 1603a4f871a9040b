package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eticket.sales.Member;
import org.eticket.sales.MembershipService;

/**
 * The seller's membership master (Fig 13, C10): applications from customers, waiting ones first,
 * each registered with a membership number by one click or refused with a reason; registered
 * members with their numbers; refused and withdrawn applications last.
 */
@Named
@ViewScoped
public class SellerMembersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient MembershipService memberships;

    private final PerRequest<List<Member>> members = new PerRequest<>();

    /** The reason typed next to each waiting application, by its id. */
    private final Map<Long, String> reasons = new HashMap<>();

    /** Applications waiting first (oldest first), then registered members by number, then the closed ones. */
    public List<Member> getMembers() {
        return members.get(() -> {
            List<Member> all = Screens.attempt(() -> memberships.list(), null);
            return all == null ? List.of() : all.stream()
                    .sorted(Comparator.comparing((Member m) -> m.getStatus() == Member.Status.APPLIED ? 0 : m.isClosed() ? 2 : 1)
                            .thenComparing(m -> m.getMembershipNumber() == null ? "" : m.getMembershipNumber())
                            .thenComparing(Member::getAppliedAt))
                    .toList();
        });
    }

    public long getWaiting() {
        return count(Member.Status.APPLIED);
    }

    public long getRegistered() {
        return count(Member.Status.REGISTERED);
    }

    private long count(Member.Status status) {
        return getMembers().stream().filter(m -> m.getStatus() == status).count();
    }

    /** The state of an application in the seller's words. */
    public String state(Member m) {
        return switch (m.getStatus()) {
            case APPLIED -> "waiting for registration";
            case REGISTERED -> "registered";
            case REFUSED -> "refused: " + m.getRefusal();
            case WITHDRAWN -> "withdrawn by the customer";
        };
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public void refuse(Long memberId) {
        Member m = Screens.attempt(() -> memberships.refuse(memberId, reasons.get(memberId)), null);
        if (m != null) {
            reasons.remove(memberId);
            Screens.info("The application of " + m.getCustomer().getName() + " is refused; the customer sees your reason.");
        }
    }

    public void register(Long memberId) {
        Member m = Screens.attempt(() -> memberships.register(memberId), null);
        if (m != null) {
            Screens.info(m.getCustomer().getName() + " is registered as member " + m.getMembershipNumber() + ".");
        }
    }
}
