package org.eticket.connector.adapter.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Accepts terminal connections over TLS with client certificates and runs one
 * {@link TerminalSession} per connection on the container's work manager. At intervals it
 * asks the center again about every connected terminal, so a revocation decided on any
 * instance cuts the terminal off here too.
 */
public final class TerminalServer {

    private static final Logger LOG = Logger.getLogger(TerminalServer.class.getName());

    /** What the listener needs from the adapter's configuration. */
    public record Settings(String bindAddress, int port, int maxFrameBytes, int helloTimeoutMillis,
                           int admissionRecheckMillis, String instanceId) {
    }

    private final Settings settings;
    private final SSLContext tls;
    private final EventDispatcher dispatcher;
    private final WorkManager workManager;
    private final Timer timer;
    private final Map<String, TerminalSession> sessions = new ConcurrentHashMap<>();
    private volatile ServerSocket serverSocket;

    public TerminalServer(Settings settings, SSLContext tls, EventDispatcher dispatcher, WorkManager workManager, Timer timer) {
        this.settings = settings;
        this.tls = tls;
        this.dispatcher = dispatcher;
        this.workManager = workManager;
        this.timer = timer;
    }

    public void start() throws IOException, WorkException {
        SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        socket.setNeedClientAuth(true);
        socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()));
        serverSocket = socket;
        workManager.scheduleWork(new AcceptLoop(socket));
        if (timer != null && settings.admissionRecheckMillis() > 0) {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    recheckAll();
                }
            }, settings.admissionRecheckMillis(), settings.admissionRecheckMillis());
        }
    }

    public void stop() {
        ServerSocket socket = serverSocket;
        serverSocket = null;
        if (timer != null) {
            timer.cancel();
        }
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing terminal listener", e);
            }
        }
        sessions.values().forEach(s -> s.close("adapter stopping"));
        sessions.clear();
    }

    public boolean isListening() {
        ServerSocket socket = serverSocket;
        return socket != null && socket.isBound() && !socket.isClosed();
    }

    public int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? settings.port() : socket.getLocalPort();
    }

    public String instanceId() {
        return settings.instanceId();
    }

    public Set<String> connectedTerminals() {
        return Set.copyOf(sessions.keySet());
    }

    /** The terminal's session on this instance, or null. */
    public TerminalSession session(String terminalId) {
        return sessions.get(terminalId);
    }

    /** Asks the center about every connected terminal; those it no longer admits are cut off. */
    public void recheckAll() {
        for (TerminalSession session : sessions.values()) {
            try {
                session.recheck();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "admission recheck failed", e);
            }
        }
    }

    /** Registers a session under its terminal ID; an older connection of the same terminal is closed silently. */
    void online(String terminalId, TerminalSession session) {
        TerminalSession previous = sessions.put(terminalId, session);
        if (previous != null && previous != session) {
            previous.replaced();
        }
    }

    /** True if this session was still the terminal's current one (and so its drop means offline). */
    boolean offline(String terminalId, TerminalSession session) {
        return sessions.remove(terminalId, session);
    }

    EventDispatcher dispatcher() {
        return dispatcher;
    }

    Settings settings() {
        return settings;
    }

    private final class AcceptLoop implements Work {
        private final ServerSocket socket;

        AcceptLoop(ServerSocket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    try {
                        workManager.scheduleWork(new TerminalSession(TerminalServer.this, connection));
                    } catch (WorkException e) {
                        LOG.log(Level.WARNING, "no worker for terminal connection from "
                                + connection.getRemoteSocketAddress() + "; closing it", e);
                        connection.close();
                    }
                } catch (SocketException e) {
                    if (!socket.isClosed()) {
                        LOG.log(Level.WARNING, "terminal listener failed", e);
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "accepting a terminal connection failed", e);
                }
            }
        }

        @Override
        public void release() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing terminal listener", e);
            }
        }
    }
}
