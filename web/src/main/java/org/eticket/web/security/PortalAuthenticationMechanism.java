package org.eticket.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eticket.security.LoginThrottleService;

/**
 * One mechanism for both doors: HTTP Basic for {@code /api/*} (sellers' systems,
 * terminals' provisioning) and the login page for screens, both over the database
 * identity store, both throttled per account after repeated failures. A sign-in lasts for
 * the HTTP session: the caller and groups are kept in it and handed to the container on each
 * request. (Not {@code @AutoApplySession}: under load Payara 6 re-applies the session's principal
 * without its groups now and then (payara/Payara#6145), the request is refused with 403, and a
 * client that signs in again pays a PBKDF2 check of ~0.2 s CPU; about 4% of the benchmark's
 * purchases hit it.)
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    /** Session attribute holding the signed-in caller; the session ends with logout. */
    static final String SIGNED_IN = PortalAuthenticationMechanism.class.getName() + ".caller";

    /** Who signed in on this session, with the groups the identity store gave. */
    record SignedIn(String caller, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStore;

    @EJB
    LoginThrottleService throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<UsernamePasswordCredential> credential = basic(authorization.substring(6).strip());
            if (credential.isEmpty()) {
                return refuse(response, context, "the Authorization header is not valid HTTP Basic");
            }
            return validate(credential.get(), request, response, context, true);
        }
        Credential credential = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential upc) {
            return validate(upc, request, response, context, false);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.caller(), signedIn.groups());
        }
        if (context.isProtected()) {
            if (isApi(request)) {
                return refuse(response, context, "sign in with HTTP Basic to use the API");
            }
            String target = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            try {
                response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?next="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    private AuthenticationStatus validate(UsernamePasswordCredential credential, HttpServletRequest request,
                                          HttpServletResponse response, HttpMessageContext context, boolean api) {
        String username = credential.getCaller();
        Optional<Instant> locked = throttle.lockedUntil(username);
        if (locked.isPresent()) {
            long seconds = Math.max(1, Duration.between(Instant.now(), locked.get()).toSeconds());
            String message = "too many failed logins for " + username + "; try again in " + seconds + " s";
            if (api) {
                response.setHeader("Retry-After", Long.toString(seconds));
                return respond(response, context, 429, message);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStore.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(username);
            HttpSession session = request.getSession(true);
            if (!session.isNew()) {
                request.changeSessionId(); // a new sign-in never continues a session id someone else may know
            }
            session.setAttribute(SIGNED_IN, new SignedIn(result.getCallerPrincipal().getName(),
                    Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        throttle.failed(username);
        if (api) {
            return refuse(response, context, "wrong username or password");
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Optional<UsernamePasswordCredential> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, String message) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"eticket\", charset=\"UTF-8\"");
        return respond(response, context, 401, message);
    }

    private static AuthenticationStatus respond(HttpServletResponse response, HttpMessageContext context, int status, String message) {
        try {
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":" + status + ",\"error\":\""
                    + (status == 429 ? "Too Many Requests" : "Unauthorized") + "\",\"message\":\""
                    + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        } catch (IOException e) {
            // the client went away; the status is what matters
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** For the login page: why a sign-in was refused. */
    public Optional<Instant> lockedUntil(String username) {
        return throttle.lockedUntil(username);
    }
}
