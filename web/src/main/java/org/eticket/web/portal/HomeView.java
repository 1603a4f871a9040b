package org.eticket.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.eticket.security.Roles;

/** A signed-in user's home: who they are and what role they act in. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    SecurityContext securityContext;

    public String getUsername() {
        return securityContext.getCallerPrincipal() == null ? null : securityContext.getCallerPrincipal().getName();
    }

    public String getRole() {
        return Roles.ALL.stream().filter(securityContext::isCallerInRole).findFirst().orElse("none");
    }

    public void logout() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) external.getRequest()).logout();
        } catch (jakarta.servlet.ServletException e) {
            // already signed out
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
