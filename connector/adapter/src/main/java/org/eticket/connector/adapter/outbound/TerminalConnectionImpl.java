package org.eticket.connector.adapter.outbound;

import jakarta.resource.ResourceException;
import java.util.Set;
import org.eticket.connector.api.TerminalConnection;

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
    public void close() {
        TerminalManagedConnection m = managed;
        managed = null;
        if (m != null) {
            m.handleClosed(this);
        }
    }
}
