package org.eticket.connector.adapter.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import org.eticket.connector.api.TerminalConnection;
import org.eticket.connector.api.TerminalConnectionFactory;

/** The factory bound in JNDI; every connection goes through the container's pool. */
final class TerminalConnectionFactoryImpl implements TerminalConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient TerminalManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    TerminalConnectionFactoryImpl(TerminalManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public TerminalConnection getConnection() throws ResourceException {
        return (TerminalConnection) connectionManager.allocateConnection(managedFactory, null);
    }

    @Override
    public void setReference(Reference reference) { this.reference = reference; }

    @Override
    public Reference getReference() { return reference; }
}
