package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.security.AccountService;
import org.eticket.security.AccountService.AccountData;
import org.eticket.security.AppUser;

/** Logins for the parties the platform registered (Fig 23); the platform admin only. Passwords never come back. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {

    /** A login as shown: no password, no hash. */
    public record AccountDto(Long id, String username, String role, Long partyId, String displayName) {
        static AccountDto of(AppUser u) {
            return new AccountDto(u.getId(), u.getUsername(), u.getRole(), u.getPartyId(), u.getDisplayName());
        }
    }

    @EJB
    AccountService accounts;

    @GET
    public List<AccountDto> listAccounts() {
        return accounts.list().stream().map(AccountDto::of).toList();
    }

    @POST
    public Response openAccount(AccountData data, @Context UriInfo uri) {
        AccountDto created = AccountDto.of(accounts.open(Requests.body(data)));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
