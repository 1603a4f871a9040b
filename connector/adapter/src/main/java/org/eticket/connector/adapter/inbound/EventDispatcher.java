package org.eticket.connector.adapter.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalEventListener;

/** Delivers each terminal event to every activated endpoint that subscribed to its kind. */
public final class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final Map<MessageEndpointFactory, TerminalActivationSpec> activations = new ConcurrentHashMap<>();

    public void activate(MessageEndpointFactory factory, TerminalActivationSpec spec) {
        activations.put(factory, spec);
    }

    public void deactivate(MessageEndpointFactory factory) {
        activations.remove(factory);
    }

    /** Synchronous, so events of one terminal arrive in the order they happened. */
    public void deliver(TerminalEvent event) {
        activations.forEach((factory, spec) -> {
            if (!spec.accepts(event)) {
                return;
            }
            MessageEndpoint endpoint = null;
            try {
                endpoint = factory.createEndpoint(null);
                ((TerminalEventListener) endpoint).onTerminalEvent(event);
            } catch (UnavailableException e) {
                LOG.log(Level.WARNING, "endpoint unavailable for " + event, e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "endpoint failed on " + event, e);
            } finally {
                if (endpoint != null) {
                    endpoint.release();
                }
            }
        });
    }
}
