package org.eticket.terminal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eticket.connector.api.TerminalConnection;

/**
 * This instance in the instance directory: its ID (the adapter's {@code instanceId}, the one the
 * registry records for the terminals connected here) and its internal HTTP address, recorded at
 * start and refreshed every minute. The address is {@code eticket.instance.url} (e.g.
 * {@code http://10.0.0.5:8080/eticket}); without it, the address of the first HTTP request this
 * instance serves (local address, port, context path) is recorded then.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceDirectory {

    private static final Logger LOG = Logger.getLogger(InstanceDirectory.class.getName());
    static final long REFRESH_MILLIS = 60_000;

    @Inject
    @ConfigProperty(name = "eticket.instance.url")
    Optional<String> configuredUrl;

    @EJB
    PlatformInstances instances;

    @Resource
    TimerService timers;

    private final Instant startedAt = Instant.now();
    private volatile String instanceId;
    private volatile String url;

    @PostConstruct
    void start() {
        url = configuredUrl.map(String::strip).filter(s -> !s.isEmpty()).map(InstanceDirectory::withoutSlash).orElse(null);
        record();
        // Per instance by nature (each refreshes its own row): not persistent, not shared.
        timers.createIntervalTimer(REFRESH_MILLIS, REFRESH_MILLIS, new TimerConfig("instance directory refresh", false));
    }

    @Timeout
    void refresh() {
        record();
    }

    /** This instance's ID as its adapter reports it; null while the adapter is not available. */
    public String here() {
        String id = instanceId;
        if (id == null) {
            try (TerminalConnection connection = TerminalGateway.connection()) {
                id = connection.instanceId();
                instanceId = id;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "terminal adapter not available yet: {0}", e.getMessage());
            }
        }
        return id;
    }

    /** Whether this instance's address is known (configured or learned); cheap, for a filter on every request. */
    public boolean knowsUrl() {
        return url != null;
    }

    /** The address of the first request this instance serves, when none is configured. */
    public void learnUrl(String requestBase) {
        if (url == null && requestBase != null) {
            url = withoutSlash(requestBase);
            LOG.info("Instance " + here() + " accepts relayed terminal requests at " + url);
            record();
        }
    }

    /** The internal address of another instance, as the database holds it now. */
    public Optional<String> urlOf(String otherInstanceId) {
        return instances.find(otherInstanceId).map(PlatformInstance::getUrl);
    }

    private void record() {
        String id = here();
        if (id == null || url == null) {
            return;
        }
        try {
            instances.record(id, url, startedAt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot record instance " + id + " in the instance directory: " + e.getMessage());
        }
    }

    private static String withoutSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
