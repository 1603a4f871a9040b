package org.eticket.terminal;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalEventListener;

/**
 * Records what terminals report, as the adapter delivers it: online and offline, and the
 * sequence of each chip, input and log event (so a terminal's buffered events count once).
 */
@MessageDriven(activationConfig = {
        // The standalone rar on Payara Micro; inside eticket.ear a runtime alt-dd names "eticket#eticket-connector".
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "eticket-connector"),
        @ActivationConfigProperty(propertyName = "eventKinds",
                propertyValue = "ONLINE,OFFLINE,CHIP_PRESENTED,CHIP_REMOVED,OPERATOR_INPUT,LOG_BATCH")
})
public class TerminalStatusListener implements TerminalEventListener {

    @EJB
    TerminalRegistry registry;

    @Override
    public void onTerminalEvent(TerminalEvent event) {
        registry.record(event);
    }
}
