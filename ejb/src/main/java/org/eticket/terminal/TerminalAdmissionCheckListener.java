package org.eticket.terminal;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.eticket.connector.api.TerminalAdmission;
import org.eticket.connector.api.TerminalAdmissionListener;

/**
 * The adapter's admission authority: after the TLS handshake and at intervals, every
 * instance's adapter asks here whether a terminal may stay connected (revocation).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "eticket-connector")
})
public class TerminalAdmissionCheckListener implements TerminalAdmissionListener {

    @EJB
    TerminalRegistry registry;

    @Override
    public TerminalAdmission admit(String terminalId, String certificateSerial) {
        return registry.admit(terminalId, certificateSerial);
    }
}
