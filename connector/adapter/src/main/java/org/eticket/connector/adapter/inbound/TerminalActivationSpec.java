package org.eticket.connector.adapter.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eticket.connector.api.TerminalAdmissionListener;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalEventListener;

/**
 * How a message-driven bean subscribes: to terminal events (by kind), or as the admission
 * authority that decides whether a terminal may be connected.
 */
@Activation(messageListeners = {TerminalEventListener.class, TerminalAdmissionListener.class})
public class TerminalActivationSpec implements ActivationSpec {

    @ConfigProperty(defaultValue = "ONLINE,OFFLINE", description = "Comma-separated event kinds this bean receives "
            + "(ONLINE, OFFLINE, CHIP_PRESENTED, CHIP_REMOVED, OPERATOR_INPUT, LOG_BATCH); ignored for admission beans")
    private String eventKinds = "ONLINE,OFFLINE";

    private ResourceAdapter resourceAdapter;
    private Set<TerminalEvent.Kind> kinds = EnumSet.of(TerminalEvent.Kind.ONLINE, TerminalEvent.Kind.OFFLINE);

    @Override
    public void validate() throws InvalidPropertyException {
        if (eventKinds == null || eventKinds.isBlank()) {
            throw new InvalidPropertyException("eventKinds must name at least one of " + EnumSet.allOf(TerminalEvent.Kind.class));
        }
        Set<TerminalEvent.Kind> parsed = EnumSet.noneOf(TerminalEvent.Kind.class);
        for (String name : eventKinds.split(",")) {
            try {
                parsed.add(TerminalEvent.Kind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidPropertyException("eventKinds: \"" + name.trim() + "\" is not one of "
                        + EnumSet.allOf(TerminalEvent.Kind.class));
            }
        }
        kinds = parsed;
    }

    boolean accepts(TerminalEvent event) {
        return kinds.contains(event.kind());
    }

    public String getEventKinds() { return eventKinds; }

    public void setEventKinds(String eventKinds) { this.eventKinds = eventKinds; }

    @Override
    public ResourceAdapter getResourceAdapter() { return resourceAdapter; }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException { this.resourceAdapter = ra; }
}
