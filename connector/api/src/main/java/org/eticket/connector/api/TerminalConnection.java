package org.eticket.connector.api;

import java.time.Duration;
import java.util.Set;

/**
 * A handle on this instance's adapter; close it (try-with-resources) so it returns to the
 * pool. Requests reach only terminals connected to this instance: a terminal on another
 * instance gives {@link TerminalException.Reason#NOT_CONNECTED}, and the caller routes by
 * the instance the terminal registry records (connector/README.md, "Several instances").
 */
public interface TerminalConnection extends AutoCloseable {

    /** True while the adapter accepts terminal connections on its port. */
    boolean isListening();

    /** The TCP port terminals connect to. */
    int port();

    /** This adapter's instance ID, as recorded with each terminal that comes online here. */
    String instanceId();

    /** Terminal IDs connected to this instance's adapter right now. */
    Set<String> connectedTerminals();

    /** Sends one command APDU to the chip in the terminal's reader and returns the response APDU (data and SW1 SW2). */
    byte[] transmit(String terminalId, byte[] commandApdu, Duration timeout) throws TerminalException;

    /** Has the terminal carry out a device command; returns when it confirms. */
    void execute(String terminalId, TerminalCommand command, Duration timeout) throws TerminalException;

    /** Closes the terminal's connection here with the reason (e.g. its certificate was revoked); false if not connected here. */
    boolean disconnect(String terminalId, String reason);

    /** Has the terminal CA sign a terminal's certificate request (PKCS#10, DER); the subject becomes CN=terminalId. */
    IssuedCertificate issueCertificate(String terminalId, byte[] certificationRequest) throws TerminalException;

    @Override
    void close();
}
