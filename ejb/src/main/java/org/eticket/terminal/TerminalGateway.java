package org.eticket.terminal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.connector.api.TerminalCommand;
import org.eticket.connector.api.TerminalConnection;
import org.eticket.connector.api.TerminalConnectionFactory;
import org.eticket.connector.api.TerminalException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.ValidationException;
import org.eticket.security.Roles;

/**
 * Sends APDUs and device commands to a named terminal through this instance's adapter
 * (pooled connections, returned on close). A terminal connected to another instance is driven
 * through that instance: the registry records where it is connected, and the request is relayed
 * there ({@link InstanceRelay}; connector/README.md, "Several instances").
 * Not transactional: talking to a terminal is no database work, a slow terminal must not
 * hold a transaction open, and the adapter's connections cannot join one.
 */
@Stateless
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
public class TerminalGateway {

    private static final Logger LOG = Logger.getLogger(TerminalGateway.class.getName());
    /** The connector resource the post-boot commands (Micro) or the server configuration create. */
    public static final String JNDI = "jca/eticket/terminals";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    @EJB
    TerminalRegistry registry;

    @EJB
    InstanceRelay relay;

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public byte[] transmit(String terminalId, byte[] commandApdu, Duration timeout) {
        return send(terminalId, commandApdu, timeout);
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void execute(String terminalId, TerminalCommand command, Duration timeout) {
        command(terminalId, command, timeout);
    }

    /**
     * An APDU for a ticket flow (org.eticket.issuance.terminal): the same path as {@link #transmit},
     * open to the roles that run those flows. Never exposed as such over REST: the flow checks who
     * may use the terminal (its kind, the caller's store) and only relays what the center built.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public byte[] relay(String terminalId, byte[] commandApdu, Duration timeout) {
        return send(terminalId, commandApdu, timeout);
    }

    /** A device command (display, audio, lamp) for a ticket flow; see {@link #relay}. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public void show(String terminalId, TerminalCommand command, Duration timeout) {
        command(terminalId, command, timeout);
    }

    private void command(String terminalId, TerminalCommand command, Duration timeout) {
        Duration t = timeout(timeout);
        Route route = route(terminalId);
        if (route.relayTo() != null) {
            relay.execute(route.relayTo(), terminalId, command, t);
            return;
        }
        try (TerminalConnection connection = connection()) {
            connection.execute(terminalId, command, t);
        } catch (TerminalException e) {
            throw refusal(terminalId, route.registered(), e);
        }
    }

    private byte[] send(String terminalId, byte[] commandApdu, Duration timeout) {
        Duration t = timeout(timeout);
        Route route = route(terminalId);
        if (route.relayTo() != null) {
            return relay.transmit(route.relayTo(), terminalId, commandApdu, t);
        }
        try (TerminalConnection connection = connection()) {
            return connection.transmit(terminalId, commandApdu, t);
        } catch (TerminalException e) {
            throw refusal(terminalId, route.registered(), e);
        }
    }

    /**
     * Cuts the terminal's connection if this instance holds it; other instances cut it at
     * their admission recheck. Only {@link TerminalEnrollmentService#revoke} calls it, after
     * recording the revocation.
     */
    @PermitAll
    public boolean disconnectHere(String terminalId, String reason) {
        try (TerminalConnection connection = connection()) {
            return connection.disconnect(terminalId, reason);
        } catch (ConflictException e) {
            LOG.log(Level.WARNING, "cannot reach the adapter to cut off " + terminalId, e);
            return false;
        }
    }

    /**
     * Has the adapter's terminal CA sign a certificate request. Only
     * {@link TerminalEnrollmentService#enroll} calls it, after checking the one-time code;
     * outside any transaction, as the adapter's connections are not transactional.
     */
    @PermitAll
    public IssuedCertificate issueCertificate(String terminalId, byte[] certificationRequest) throws TerminalException {
        try (TerminalConnection connection = connection()) {
            return connection.issueCertificate(terminalId, certificationRequest);
        }
    }

    /** A pooled adapter connection; close it to return it to the pool. */
    static TerminalConnection connection() {
        try {
            TerminalConnectionFactory factory = (TerminalConnectionFactory) new InitialContext().lookup(JNDI);
            return factory.getConnection();
        } catch (NamingException | jakarta.resource.ResourceException e) {
            throw new ConflictException("the terminal adapter is not available on this instance: " + e.getMessage());
        }
    }

    /**
     * Where a request for the terminal goes: this instance's adapter when it holds the connection,
     * else the instance the registry names (relayed), else refused with the reason.
     * @param relayTo the instance to relay to, or null to use this instance's adapter
     * @param registered the instance the registry last saw the terminal on
     */
    record Route(String relayTo, String registered) {
    }

    private Route route(String terminalId) {
        Terminal terminal = registry.locate(terminalId)
                .orElseThrow(() -> new NotFoundException("terminal " + terminalId + " is not known"));
        String here;
        boolean connectedHere;
        try (TerminalConnection connection = connection()) {
            here = connection.instanceId();
            connectedHere = connection.connectedTerminals().contains(terminalId);
        }
        String relayTo = relayTo(terminal, here, connectedHere);
        if (relayTo == null && !connectedHere) {
            throw new ConflictException(refusal(terminal, here, false));
        }
        return new Route(relayTo, terminal.getInstanceId());
    }

    /**
     * The instance to relay a request for this terminal to, or null when this instance serves it
     * (or nobody can). This instance's adapter wins over the registry, which may lag behind by an event.
     */
    static String relayTo(Terminal terminal, String here, boolean connectedHere) {
        if (connectedHere || !terminal.isOnline() || terminal.getInstanceId() == null || terminal.getInstanceId().equals(here)) {
            return null;
        }
        return terminal.getInstanceId();
    }

    /**
     * Why a request for this terminal cannot be served, or null when it can be served here or
     * relayed to the instance the registry names.
     */
    static String refusal(Terminal terminal, String here, boolean connectedHere) {
        if (connectedHere || relayTo(terminal, here, false) != null) {
            return null;
        }
        if (!terminal.isOnline()) {
            return "terminal " + terminal.getTerminalId() + " is offline";
        }
        return "terminal " + terminal.getTerminalId() + " is not connected to this instance (" + here + ")";
    }

    private static Duration timeout(Duration requested) {
        if (requested == null) {
            return DEFAULT_TIMEOUT;
        }
        if (requested.isNegative() || requested.isZero() || requested.compareTo(MAX_TIMEOUT) > 0) {
            throw new ValidationException("timeout must be between 1 ms and " + MAX_TIMEOUT.toSeconds() + " s");
        }
        return requested;
    }

    private static RuntimeException refusal(String terminalId, String instance, TerminalException e) {
        return switch (e.reason()) {
            case BAD_REQUEST -> new ValidationException(e.getMessage());
            case NOT_CONNECTED -> new ConflictException(e.getMessage()
                    + (instance == null ? "" : "; the registry last saw it on instance " + instance));
            default -> new ConflictException(e.getMessage());
        };
    }
}
