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
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.eticket.connector.adapter.inbound.TerminalServer;
import org.eticket.connector.adapter.inbound.TerminalSession;
import org.eticket.connector.adapter.pki.TerminalPki;
import org.eticket.connector.api.IssuedCertificate;
import org.eticket.connector.api.TerminalCommand;
import org.eticket.connector.api.TerminalException;
import org.eticket.connector.protocol.Frame;
import org.eticket.connector.protocol.FrameLayout;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;

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

    String instanceId() throws ResourceException {
        return server().instanceId();
    }

    byte[] transmit(String terminalId, byte[] commandApdu, Duration timeout) throws TerminalException {
        if (commandApdu == null || commandApdu.length < FrameLayout.MIN_COMMAND_APDU) {
            throw new TerminalException(TerminalException.Reason.BAD_REQUEST, "a command APDU has at least CLA INS P1 P2");
        }
        Frame answer = session(terminalId).request(id -> Frames.apdu(id, commandApdu), timeout);
        if (answer.type() == FrameType.COMMAND_FAILED) {
            throw new TerminalException(TerminalException.Reason.FAILED,
                    "terminal " + terminalId + " could not pass the APDU on: " + FrameLayout.text(answer));
        }
        if (answer.type() != FrameType.APDU_RESPONSE) {
            throw new TerminalException(TerminalException.Reason.FAILED, "terminal " + terminalId + " answered an APDU with " + answer.type());
        }
        return FrameLayout.body(answer);
    }

    void execute(String terminalId, TerminalCommand command, Duration timeout) throws TerminalException {
        Frame answer = session(terminalId).request(id -> switch (command.kind()) {
            case LAMP_OFF -> Frames.lamp(id, Frames.Lamp.OFF);
            case LAMP_BLUE -> Frames.lamp(id, Frames.Lamp.BLUE);
            case LAMP_RED -> Frames.lamp(id, Frames.Lamp.RED);
            case DISPLAY -> Frames.display(id, command.text(), command.large());
            case AUDIO -> Frames.audio(id, command.text());
            case OPEN_GATE -> Frames.openGate(id);
            case PRINT -> Frames.print(id, command.text());
        }, timeout);
        if (answer.type() == FrameType.COMMAND_FAILED) {
            throw new TerminalException(TerminalException.Reason.FAILED,
                    "terminal " + terminalId + " could not " + command.kind() + ": " + FrameLayout.text(answer));
        }
        if (answer.type() != FrameType.COMMAND_DONE) {
            throw new TerminalException(TerminalException.Reason.FAILED, "terminal " + terminalId + " answered " + command.kind() + " with " + answer.type());
        }
    }

    boolean disconnect(String terminalId, String reason) {
        TerminalServer server = factory.adapter() == null ? null : factory.adapter().server();
        TerminalSession session = server == null ? null : server.session(terminalId);
        if (session == null) {
            return false;
        }
        session.cutOff(reason);
        return true;
    }

    IssuedCertificate issueCertificate(String terminalId, byte[] certificationRequest) throws TerminalException {
        TerminalPki pki = factory.adapter() == null ? null : factory.adapter().pki();
        if (pki == null) {
            throw new TerminalException(TerminalException.Reason.NOT_CONNECTED, "the terminal adapter is not running");
        }
        try {
            return pki.issue(terminalId, certificationRequest);
        } catch (GeneralSecurityException e) {
            throw new TerminalException(TerminalException.Reason.REFUSED, e.getMessage());
        }
    }

    private TerminalSession session(String terminalId) throws TerminalException {
        TerminalServer server = factory.adapter() == null ? null : factory.adapter().server();
        TerminalSession session = server == null ? null : server.session(terminalId);
        if (session == null) {
            throw new TerminalException(TerminalException.Reason.NOT_CONNECTED,
                    "terminal " + terminalId + " is not connected to this instance"
                            + (server == null ? "" : " (" + server.instanceId() + ")"));
        }
        return session;
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
