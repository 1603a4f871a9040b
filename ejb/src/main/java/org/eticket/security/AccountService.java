package org.eticket.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Organizer;
import org.eticket.catalog.Venue;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.sales.Customer;
import org.eticket.sales.Store;

/** The platform admin opens logins for the parties it registered (Fig 23). */
@Stateless
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AccountService {

    public record AccountData(String username, String password, String role, Long partyId, String displayName) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    UserAccountService users;

    public AppUser open(AccountData data) {
        if (data == null) {
            throw new ValidationException("account data is required");
        }
        Class<?> party = switch (data.role() == null ? "" : data.role()) {
            case Roles.ORGANIZER -> Organizer.class;
            case Roles.SELLER -> Seller.class;
            case Roles.STORE -> Store.class;
            case Roles.VENUE -> Venue.class;
            case Roles.CUSTOMER -> Customer.class;
            case Roles.PLATFORM_ADMIN -> null;
            default -> throw new ValidationException("role \"" + data.role() + "\" is not one of " + Roles.ALL);
        };
        if (party != null) {
            if (data.partyId() == null) {
                throw new ValidationException("a " + data.role() + " login needs the partyId it acts for");
            }
            if (em.find(party, data.partyId()) == null) {
                throw new NotFoundException(party.getSimpleName().toLowerCase() + " " + data.partyId() + " does not exist");
            }
        } else if (data.partyId() != null) {
            throw new ValidationException("a platform-admin login acts for no party; leave partyId out");
        }
        return users.create(data.username(), data.password(), data.role(), data.partyId(), data.displayName());
    }

    public List<AppUser> list() {
        return em.createQuery("select u from AppUser u order by u.username", AppUser.class).getResultList();
    }
}
