package org.eticket.connector.adapter.outbound;

import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.Set;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.connector.api.TerminalCommand;
import org.eticket.connector.api.TerminalConnection;
import org.eticket.connector.api.TerminalException;

/** The handle an EJB holds; closing it returns the physical connection to the pool. */
final class TerminalConnectionImpl implements TerminalConnection {

    private volatile TerminalManagedConnection managed;

    TerminalConnectionImpl(TerminalManagedConnection managed) {
        this.managed = managed;
    }

    void associate(TerminalManagedConnection other) {
        this.managed = other;
    }

    void invalidate() {
        this.managed = null;
    }

    private TerminalManagedConnection managed() {
        TerminalManagedConnection m = managed;
        if (m == null) {
            throw new IllegalStateException("terminal connection is closed");
        }
        return m;
    }

    @Override
    public boolean isListening() {
        return managed().isListening();
    }

    @Override
    public int port() {
        try {
            return managed().port();
        } catch (ResourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Set<String> connectedTerminals() {
        try {
            return managed().connectedTerminals();
        } catch (ResourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String instanceId() {
        try {
            return managed().instanceId();
        } catch (ResourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public byte[] transmit(String terminalId, byte[] commandApdu, Duration timeout) throws TerminalException {
        return managed().transmit(terminalId, commandApdu, timeout);
    }

    @Override
    public void execute(String terminalId, TerminalCommand command, Duration timeout) throws TerminalException {
        managed().execute(terminalId, command, timeout);
    }

    @Override
    public boolean disconnect(String terminalId, String reason) {
        return managed().disconnect(terminalId, reason);
    }

    @Override
    public IssuedCertificate issueCertificate(String terminalId, byte[] certificationRequest) throws TerminalException {
        return managed().issueCertificate(terminalId, certificationRequest);
    }

    @Override
    public void close() {
        TerminalManagedConnection m = managed;
        managed = null;
        if (m != null) {
            m.handleClosed(this);
        }
    }
}
