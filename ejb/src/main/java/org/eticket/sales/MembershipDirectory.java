package org.eticket.sales;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import org.eticket.allocation.Seller;
import org.eticket.security.Roles;

/**
 * The sellers a customer can apply to for membership (Fig 13), for the portal's membership
 * screen: fan clubs first, then ticket agencies. Applying and registering stay with
 * {@link MembershipService}; this only lets the customer see whom to apply to.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({Roles.CUSTOMER, Roles.PLATFORM_ADMIN})
public class MembershipDirectory {

    @PersistenceContext
    EntityManager em;

    public List<Seller> sellers() {
        return em.createQuery("select s from Seller s", Seller.class).getResultList().stream()
                .sorted(Comparator.comparing((Seller s) -> s.getKind() != Seller.Kind.FAN_CLUB)
                        .thenComparing(Seller::getName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
