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
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Accepts terminal connections and runs one {@link TerminalSession} per connection on the container's work manager. */
public final class TerminalServer {

    private static final Logger LOG = Logger.getLogger(TerminalServer.class.getName());

    private final String bindAddress;
    private final int requestedPort;
    private final int maxFrameBytes;
    private final int helloTimeoutMillis;
    private final EventDispatcher dispatcher;
    private final WorkManager workManager;
    private final Map<String, TerminalSession> sessions = new ConcurrentHashMap<>();
    private volatile ServerSocket serverSocket;

    public TerminalServer(String bindAddress, int port, int maxFrameBytes, int helloTimeoutMillis,
                          EventDispatcher dispatcher, WorkManager workManager) {
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.maxFrameBytes = maxFrameBytes;
        this.helloTimeoutMillis = helloTimeoutMillis;
        this.dispatcher = dispatcher;
        this.workManager = workManager;
    }

    public void start() throws IOException, WorkException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), requestedPort));
        serverSocket = socket;
        workManager.scheduleWork(new AcceptLoop(socket));
    }

    public void stop() {
        ServerSocket socket = serverSocket;
        serverSocket = null;
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
        return socket == null ? requestedPort : socket.getLocalPort();
    }

    public Set<String> connectedTerminals() {
        return Set.copyOf(sessions.keySet());
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

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    int helloTimeoutMillis() {
        return helloTimeoutMillis;
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
