package org.eticket.web.backoffice;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.eticket.sales.Member;
import org.eticket.sales.MembershipService;

/**
 * The seller's membership master (Fig 13, C10): applications from customers, waiting ones first,
 * each registered with a membership number by one click; registered members with their numbers.
 */
@Named
@ViewScoped
public class SellerMembersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient MembershipService memberships;

    private final PerRequest<List<Member>> members = new PerRequest<>();

    /** Applications waiting first (oldest first), then registered members by number. */
    public List<Member> getMembers() {
        return members.get(() -> {
            List<Member> all = Screens.attempt(() -> memberships.list(), null);
            return all == null ? List.of() : all.stream()
                    .sorted(Comparator.comparing((Member m) -> m.getStatus() == Member.Status.REGISTERED)
                            .thenComparing(m -> m.getMembershipNumber() == null ? "" : m.getMembershipNumber())
                            .thenComparing(Member::getAppliedAt))
                    .toList();
        });
    }

    public long getWaiting() {
        return getMembers().stream().filter(m -> m.getStatus() == Member.Status.APPLIED).count();
    }

    public long getRegistered() {
        return getMembers().size() - getWaiting();
    }

    public void register(Long memberId) {
        Member m = Screens.attempt(() -> memberships.register(memberId), null);
        if (m != null) {
            Screens.info(m.getCustomer().getName() + " is registered as member " + m.getMembershipNumber() + ".");
        }
    }
}
