package org.eticket.connector.adapter.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.connector.api.TerminalAdmission;
import org.eticket.connector.api.TerminalAdmissionListener;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalEventListener;

/**
 * Delivers each terminal event to every activated event endpoint that subscribed to its
 * kind, and asks the activated admission endpoint (the center's terminal registry)
 * whether a terminal may be connected.
 */
public final class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    private final Map<MessageEndpointFactory, TerminalActivationSpec> activations = new ConcurrentHashMap<>();
    /** Which listener interface each endpoint implements, learnt from its first endpoint instance. */
    private final Map<MessageEndpointFactory, Boolean> admissionEndpoints = new ConcurrentHashMap<>();

    public void activate(MessageEndpointFactory factory, TerminalActivationSpec spec) {
        activations.put(factory, spec);
    }

    public void deactivate(MessageEndpointFactory factory) {
        activations.remove(factory);
        admissionEndpoints.remove(factory);
    }

    /**
     * Synchronous, so events of one terminal arrive in the order they happened. Returns
     * false if some subscribed endpoint failed: the session then withholds its
     * acknowledgement and the terminal sends the event again.
     */
    public boolean deliver(TerminalEvent event) {
        boolean all = true;
        for (Map.Entry<MessageEndpointFactory, TerminalActivationSpec> activation : activations.entrySet()) {
            MessageEndpointFactory factory = activation.getKey();
            if (!activation.getValue().accepts(event) || Boolean.TRUE.equals(admissionEndpoints.get(factory))) {
                continue;
            }
            MessageEndpoint endpoint = null;
            try {
                endpoint = factory.createEndpoint(null);
                if (endpoint instanceof TerminalEventListener listener) {
                    admissionEndpoints.putIfAbsent(factory, false);
                    listener.onTerminalEvent(event);
                } else {
                    admissionEndpoints.put(factory, true);
                }
            } catch (UnavailableException e) {
                all = false;
                LOG.log(Level.WARNING, "endpoint unavailable for " + event, e);
            } catch (RuntimeException e) {
                all = false;
                LOG.log(Level.WARNING, "endpoint failed on " + event, e);
            } finally {
                if (endpoint != null) {
                    endpoint.release();
                }
            }
        }
        return all;
    }

    /** The center's verdict; refused when no admission endpoint is active (the center is not deployed yet). */
    public TerminalAdmission admit(String terminalId, String certificateSerial) {
        for (MessageEndpointFactory factory : activations.keySet()) {
            if (Boolean.FALSE.equals(admissionEndpoints.get(factory))) {
                continue;
            }
            MessageEndpoint endpoint = null;
            try {
                endpoint = factory.createEndpoint(null);
                if (endpoint instanceof TerminalAdmissionListener authority) {
                    admissionEndpoints.put(factory, true);
                    TerminalAdmission answer = authority.admit(terminalId, certificateSerial);
                    return answer == null ? TerminalAdmission.refused("the center gave no answer") : answer;
                }
                admissionEndpoints.put(factory, false);
            } catch (UnavailableException | RuntimeException e) {
                LOG.log(Level.WARNING, "admission endpoint failed for terminal " + terminalId, e);
                return TerminalAdmission.refused("the center could not decide: " + e.getMessage());
            } finally {
                if (endpoint != null) {
                    endpoint.release();
                }
            }
        }
        return TerminalAdmission.refused("no admission authority is active on this instance");
    }
}
