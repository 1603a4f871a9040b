package org.eticket.terminal;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalEventListener;

/** Records terminals going online and offline, as the adapter reports them. */
@MessageDriven(activationConfig = {
        // The standalone rar on Payara Micro; inside eticket.ear a runtime alt-dd names "eticket#eticket-connector".
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "eticket-connector"),
        @ActivationConfigProperty(propertyName = "eventKinds", propertyValue = "ONLINE,OFFLINE")
})
public class TerminalStatusListener implements TerminalEventListener {

    @EJB
    TerminalRegistry registry;

    @Override
    public void onTerminalEvent(TerminalEvent event) {
        registry.record(event);
    }
}
