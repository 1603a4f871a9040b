package org.eticket.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eticket.web.security.PortalAuthenticationMechanism;

/** The sign-in screen: checks the password through the same mechanism as the API. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    PortalAuthenticationMechanism mechanism;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.strip(), password == null ? "" : password)));
        if (status == AuthenticationStatus.SUCCESS) {
            String target = next != null && next.startsWith("/") && !next.startsWith("//") ? next : home();
            external.redirect(external.getRequestContextPath() + target);
            faces.responseComplete();
            return;
        }
        Optional<Instant> locked = mechanism.lockedUntil(username == null ? "" : username.strip());
        String message = locked.map(until -> "Too many failed sign-ins for this account; try again in "
                        + Math.max(1, Duration.between(Instant.now(), until).toSeconds()) + " seconds.")
                .orElse("Wrong username or password.");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /** Where a sign-in without a page to return to lands: customers buy, everyone else works in the back office. */
    private String home() {
        return securityContext.isCallerInRole(org.eticket.security.Roles.CUSTOMER) ? "/shop/index.xhtml" : "/app/index.xhtml";
    }

    public String getUsername() { return username; }

    public void setUsername(String username) { this.username = username; }

    public String getPassword() { return password; }

    public void setPassword(String password) { this.password = password; }

    public String getNext() { return next; }

    public void setNext(String next) { this.next = next; }
}
