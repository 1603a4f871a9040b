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
import java.io.IOException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.eticket.connector.adapter.inbound.EventDispatcher;
import org.eticket.connector.adapter.inbound.TerminalActivationSpec;
import org.eticket.connector.adapter.inbound.TerminalServer;

/**
 * The terminal adapter. On start it listens for reader terminals; events reach the
 * message-driven beans that activated against it. Each platform instance runs its own
 * adapter and knows only the terminals connected to it.
 */
@Connector(
        displayName = "E-ticket terminal adapter",
        description = "Accepts reader terminals (gates, kiosks, home reader/writers, dispensers) over TCP",
        vendorName = "eticket",
        eisType = "Reader terminals",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TerminalResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(TerminalResourceAdapter.class.getName());

    /** System property naming the port when the config property is not set (one artifact, every environment). */
    public static final String PORT_PROPERTY = "eticket.terminal.port";
    public static final int DEFAULT_PORT = 7400;

    @ConfigProperty(description = "TCP port terminals connect to; unset: system property eticket.terminal.port, else 7400")
    private Integer port;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the terminal port binds to")
    private String bindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "65536", description = "Largest frame accepted from a terminal, in bytes")
    private Integer maxFrameBytes = 65536;

    @ConfigProperty(defaultValue = "10000", description = "Milliseconds a new connection has to say hello")
    private Integer helloTimeoutMillis = 10000;

    private final EventDispatcher dispatcher = new EventDispatcher();
    private volatile TerminalServer server;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        int effectivePort = effectivePort();
        if (effectivePort < 0 || effectivePort > 65535) {
            throw new ResourceAdapterInternalException("terminal port " + effectivePort + " is not a TCP port");
        }
        if (maxFrameBytes == null || maxFrameBytes < 16) {
            throw new ResourceAdapterInternalException("maxFrameBytes must be at least 16, was " + maxFrameBytes);
        }
        try {
            server = new TerminalServer(bindAddress, effectivePort, maxFrameBytes, helloTimeoutMillis,
                    dispatcher, context.getWorkManager());
            server.start();
        } catch (IOException e) {
            throw new ResourceAdapterInternalException("cannot listen for terminals on "
                    + bindAddress + ":" + effectivePort + ": " + e.getMessage(), e);
        } catch (ResourceException e) {
            throw new ResourceAdapterInternalException("cannot schedule the terminal listener: " + e.getMessage(), e);
        }
        LOG.info(() -> "Terminal adapter listening on " + bindAddress + ":" + server.port());
    }

    @Override
    public void stop() {
        TerminalServer s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
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

    int effectivePort() {
        return port != null ? port : Integer.getInteger(PORT_PROPERTY, DEFAULT_PORT);
    }

    public Integer getPort() { return port; }

    public void setPort(Integer port) { this.port = port; }

    public String getBindAddress() { return bindAddress; }

    public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }

    public Integer getMaxFrameBytes() { return maxFrameBytes; }

    public void setMaxFrameBytes(Integer maxFrameBytes) { this.maxFrameBytes = maxFrameBytes; }

    public Integer getHelloTimeoutMillis() { return helloTimeoutMillis; }

    public void setHelloTimeoutMillis(Integer helloTimeoutMillis) { this.helloTimeoutMillis = helloTimeoutMillis; }

    // JCA requires value equality on the JavaBean configuration.
    @Override
    public boolean equals(Object o) {
        return o instanceof TerminalResourceAdapter other
                && Objects.equals(port, other.port) && Objects.equals(bindAddress, other.bindAddress)
                && Objects.equals(maxFrameBytes, other.maxFrameBytes)
                && Objects.equals(helloTimeoutMillis, other.helloTimeoutMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, bindAddress, maxFrameBytes, helloTimeoutMillis);
    }
}
