package org.eticket.connector.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.UnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.transaction.xa.XAResource;
import org.eticket.connector.adapter.inbound.EventDispatcher;
import org.eticket.connector.adapter.inbound.TerminalActivationSpec;
import org.eticket.connector.adapter.inbound.TerminalServer;
import org.eticket.connector.adapter.pki.TerminalPki;

/**
 * The terminal adapter. On start it opens the terminal CA and listens for reader
 * terminals over TLS with client certificates; events reach the message-driven beans that
 * activated against it. Each platform instance runs its own adapter and knows only the
 * terminals connected to it; the terminal registry records which instance holds which
 * terminal (connector/README.md, "Several instances").
 */
@Connector(
        displayName = "E-ticket terminal adapter",
        description = "Accepts reader terminals (gates, kiosks, home reader/writers, dispensers) over TLS with client certificates",
        vendorName = "eticket",
        eisType = "Reader terminals",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TerminalResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(TerminalResourceAdapter.class.getName());

    /** System property naming the port when the config property is not set (one artifact, every environment). */
    public static final String PORT_PROPERTY = "eticket.terminal.port";
    public static final int DEFAULT_PORT = 7400;
    /** System property naming the terminal CA directory when the config property is not set. */
    public static final String PKI_PROPERTY = "eticket.terminal.pki";
    /** System property naming this instance when the config property is not set. */
    public static final String INSTANCE_PROPERTY = "eticket.instance";

    @ConfigProperty(description = "TCP port terminals connect to; unset: system property eticket.terminal.port, else 7400")
    private Integer port;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the terminal port binds to")
    private String bindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "65536", description = "Largest frame accepted from a terminal, in bytes")
    private Integer maxFrameBytes = 65536;

    @ConfigProperty(defaultValue = "10000", description = "Milliseconds a new connection has to say hello")
    private Integer helloTimeoutMillis = 10000;

    @ConfigProperty(defaultValue = "30", description = "Seconds between asking the center again whether each connected "
            + "terminal is still admitted (revocation on another instance cuts it off within this time); 0: only at hello")
    private Integer admissionRecheckSeconds = 30;

    @ConfigProperty(description = "Directory of the terminal CA (key encrypted, owner-only); unset: system property "
            + "eticket.terminal.pki, else terminal-pki beside the database directory eticket.db, else ~/.eticket/terminal-pki")
    private String pkiDirectory;

    @ConfigProperty(description = "This instance's ID in the terminal registry; unset: system property eticket.instance, "
            + "else host name:port")
    private String instanceId;

    private final EventDispatcher dispatcher = new EventDispatcher();
    private volatile TerminalServer server;
    private volatile TerminalPki pki;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        int effectivePort = effectivePort();
        if (effectivePort < 0 || effectivePort > 65535) {
            throw new ResourceAdapterInternalException("terminal port " + effectivePort + " is not a TCP port");
        }
        if (maxFrameBytes == null || maxFrameBytes < 16) {
            throw new ResourceAdapterInternalException("maxFrameBytes must be at least 16, was " + maxFrameBytes);
        }
        if (helloTimeoutMillis == null || helloTimeoutMillis < 100) {
            throw new ResourceAdapterInternalException("helloTimeoutMillis must be at least 100, was " + helloTimeoutMillis);
        }
        if (admissionRecheckSeconds == null || admissionRecheckSeconds < 0) {
            throw new ResourceAdapterInternalException("admissionRecheckSeconds must be 0 or more, was " + admissionRecheckSeconds);
        }
        Path pkiPath = effectivePkiDirectory();
        SSLContext tls;
        try {
            pki = TerminalPki.openOrCreate(pkiPath);
            tls = pki.serverContext(bindAddress, TerminalPki.localHostName());
        } catch (IOException | GeneralSecurityException e) {
            throw new ResourceAdapterInternalException("cannot open the terminal CA in " + pkiPath + ": " + e.getMessage(), e);
        }
        try {
            String instance = effectiveInstanceId(effectivePort);
            server = new TerminalServer(new TerminalServer.Settings(bindAddress, effectivePort, maxFrameBytes,
                    helloTimeoutMillis, admissionRecheckSeconds * 1000, instance), tls, dispatcher,
                    context.getWorkManager(), context.createTimer());
            server.start();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("no timer for admission rechecks: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ResourceAdapterInternalException("cannot listen for terminals on "
                    + bindAddress + ":" + effectivePort + ": " + e.getMessage(), e);
        } catch (ResourceException e) {
            throw new ResourceAdapterInternalException("cannot schedule the terminal listener: " + e.getMessage(), e);
        }
        LOG.info(() -> "Terminal adapter " + server.instanceId() + " listening (TLS, client certificates) on "
                + bindAddress + ":" + server.port() + "; terminal CA in " + pkiPath);
    }

    @Override
    public void stop() {
        TerminalServer s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
        pki = null;
        LOG.info("Terminal adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof TerminalActivationSpec terminalSpec)) {
            throw new ResourceException("unsupported activation spec " + spec.getClass().getName());
        }
        terminalSpec.validate();
        dispatcher.activate(factory, terminalSpec);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        dispatcher.deactivate(factory);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** The running listener, or null when the adapter is stopped. */
    public TerminalServer server() {
        return server;
    }

    /** The terminal CA, or null when the adapter is stopped. */
    public TerminalPki pki() {
        return pki;
    }

    int effectivePort() {
        return port != null ? port : Integer.getInteger(PORT_PROPERTY, DEFAULT_PORT);
    }

    Path effectivePkiDirectory() {
        if (pkiDirectory != null && !pkiDirectory.isBlank()) {
            return Path.of(pkiDirectory);
        }
        String property = System.getProperty(PKI_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String db = System.getProperty("eticket.db");
        if (db != null && !db.isBlank() && Path.of(db).toAbsolutePath().getParent() != null) {
            return Path.of(db).toAbsolutePath().getParent().resolve("terminal-pki");
        }
        return Path.of(System.getProperty("user.home"), ".eticket", "terminal-pki");
    }

    String effectiveInstanceId(int effectivePort) {
        if (instanceId != null && !instanceId.isBlank()) {
            return instanceId;
        }
        String property = System.getProperty(INSTANCE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String host = TerminalPki.localHostName();
        return (host == null ? "localhost" : host) + ":" + effectivePort;
    }

    public Integer getPort() { return port; }

    public void setPort(Integer port) { this.port = port; }

    public String getBindAddress() { return bindAddress; }

    public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }

    public Integer getMaxFrameBytes() { return maxFrameBytes; }

    public void setMaxFrameBytes(Integer maxFrameBytes) { this.maxFrameBytes = maxFrameBytes; }

    public Integer getHelloTimeoutMillis() { return helloTimeoutMillis; }

    public void setHelloTimeoutMillis(Integer helloTimeoutMillis) { this.helloTimeoutMillis = helloTimeoutMillis; }

    public Integer getAdmissionRecheckSeconds() { return admissionRecheckSeconds; }

    public void setAdmissionRecheckSeconds(Integer admissionRecheckSeconds) { this.admissionRecheckSeconds = admissionRecheckSeconds; }

    public String getPkiDirectory() { return pkiDirectory; }

    public void setPkiDirectory(String pkiDirectory) { this.pkiDirectory = pkiDirectory; }

    public String getInstanceId() { return instanceId; }

    public void setInstanceId(String instanceId) { this.instanceId = instanceId; }

    // JCA requires value equality on the JavaBean configuration.
    @Override
    public boolean equals(Object o) {
        return o instanceof TerminalResourceAdapter other
                && Objects.equals(port, other.port) && Objects.equals(bindAddress, other.bindAddress)
                && Objects.equals(maxFrameBytes, other.maxFrameBytes)
                && Objects.equals(helloTimeoutMillis, other.helloTimeoutMillis)
                && Objects.equals(admissionRecheckSeconds, other.admissionRecheckSeconds)
                && Objects.equals(pkiDirectory, other.pkiDirectory) && Objects.equals(instanceId, other.instanceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, bindAddress, maxFrameBytes, helloTimeoutMillis, admissionRecheckSeconds, pkiDirectory, instanceId);
    }
}
