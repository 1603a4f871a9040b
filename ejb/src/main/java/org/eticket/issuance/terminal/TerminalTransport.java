package org.eticket.issuance.terminal;

import java.time.Duration;
import org.eticket.chip.apdu.ApduTransport;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.ValidationException;
import org.eticket.terminal.TerminalGateway;

/**
 * The chip in a named terminal's reader, reached through the gateway EJB, the adapter and the
 * terminal program, so {@link org.eticket.issuance.ChipIssuance} runs unchanged against it. A
 * terminal that is offline, drops its connection, has no chip or does not answer in time is, for
 * the relay, a chip that did not answer.
 */
final class TerminalTransport implements ApduTransport {

    private final TerminalGateway gateway;
    private final String terminalId;
    private final Duration timeout;

    TerminalTransport(TerminalGateway gateway, String terminalId, Duration timeout) {
        this.gateway = gateway;
        this.terminalId = terminalId;
        this.timeout = timeout;
    }

    @Override
    public byte[] transmit(byte[] command) throws ApduTransportException {
        try {
            return gateway.relay(terminalId, command, timeout);
        } catch (ConflictException | ValidationException e) {
            throw new ApduTransportException("terminal " + terminalId + ": " + e.getMessage(), e);
        }
    }
}
