package org.eticket.connector.adapter.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.eticket.connector.adapter.TerminalResourceAdapter;
import org.eticket.connector.api.TerminalConnection;
import org.eticket.connector.api.TerminalConnectionFactory;

/** Creates the physical connections the container pools; all of them share the adapter's listener. */
@ConnectionDefinition(
        connectionFactory = TerminalConnectionFactory.class,
        connectionFactoryImpl = TerminalConnectionFactoryImpl.class,
        connection = TerminalConnection.class,
        connectionImpl = TerminalConnectionImpl.class)
public class TerminalManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        jakarta.resource.spi.TransactionSupport {

    private static final long serialVersionUID = 1L;

    private transient TerminalResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new TerminalConnectionFactoryImpl(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("the terminal adapter runs only inside an application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new TerminalManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        // Every physical connection is equivalent: any free one will do.
        for (Object candidate : candidates) {
            if (candidate instanceof TerminalManagedConnection mc && mc.factory() == this) {
                return mc;
            }
        }
        return null;
    }

    /** Talking to a terminal is not transactional: the pool must never enlist these connections. */
    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    TerminalResourceAdapter adapter() {
        return resourceAdapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) { this.logWriter = out; }

    @Override
    public PrintWriter getLogWriter() { return logWriter; }

    @Override
    public ResourceAdapter getResourceAdapter() { return resourceAdapter; }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof TerminalResourceAdapter terminalAdapter)) {
            throw new ResourceException("expected the terminal resource adapter, got " + ra);
        }
        this.resourceAdapter = terminalAdapter;
    }

    // Pool identity: one connection definition, no configuration of its own.
    @Override
    public boolean equals(Object o) {
        return o instanceof TerminalManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return TerminalManagedConnectionFactory.class.hashCode();
    }
}
