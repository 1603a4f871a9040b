package org.eticket.connector.api;

/**
 * Second message listener type of the adapter: the center's answer to "may this terminal
 * be connected?". The adapter asks it after the TLS handshake (the certificate is already
 * known to be issued by the platform's terminal CA) and again at intervals, so a terminal
 * whose certificate the center has revoked is cut off on every instance; the answer comes
 * from the database, not from the adapter's memory.
 */
public interface TerminalAdmissionListener {

    TerminalAdmission admit(String terminalId, String certificateSerial);
}
