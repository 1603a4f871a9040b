package org.eticket.connector.adapter.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.eticket.connector.adapter.inbound.TerminalServer;

/** A pooled physical connection; handles are {@link TerminalConnectionImpl}s that report their close to the pool. */
final class TerminalManagedConnection implements ManagedConnection {

    private final TerminalManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<TerminalConnectionImpl> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    TerminalManagedConnection(TerminalManagedConnectionFactory factory) {
        this.factory = factory;
    }

    TerminalManagedConnectionFactory factory() {
        return factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        TerminalConnectionImpl handle = new TerminalConnectionImpl(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof TerminalConnectionImpl handle)) {
            throw new ResourceException("not a terminal connection handle: " + connection);
        }
        handle.associate(this);
        handles.add(handle);
    }

    void handleClosed(TerminalConnectionImpl handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    TerminalServer server() throws ResourceException {
        TerminalServer server = factory.adapter() == null ? null : factory.adapter().server();
        if (server == null) {
            throw new ResourceException("the terminal adapter is not running");
        }
        return server;
    }

    boolean isListening() {
        TerminalServer server = factory.adapter() == null ? null : factory.adapter().server();
        return server != null && server.isListening();
    }

    int port() throws ResourceException {
        return server().port();
    }

    Set<String> connectedTerminals() throws ResourceException {
        return server().connectedTerminals();
    }

    @Override
    public void cleanup() {
        handles.forEach(TerminalConnectionImpl::invalidate);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) { listeners.add(listener); }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) { listeners.remove(listener); }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("terminal connections are not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("terminal connections are not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override public String getEISProductName() { return "E-ticket reader terminals"; }
            @Override public String getEISProductVersion() { return "1"; }
            @Override public int getMaxConnections() { return 0; }
            @Override public String getUserName() { return null; }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) { this.logWriter = out; }

    @Override
    public PrintWriter getLogWriter() { return logWriter; }
}
