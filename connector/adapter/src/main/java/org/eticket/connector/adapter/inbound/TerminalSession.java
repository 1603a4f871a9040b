package org.eticket.connector.adapter.inbound;

import jakarta.resource.spi.work.Work;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eticket.connector.adapter.protocol.Frame;
import org.eticket.connector.adapter.protocol.FrameCodec;
import org.eticket.connector.adapter.protocol.FrameException;
import org.eticket.connector.adapter.protocol.FrameType;
import org.eticket.connector.api.TerminalEvent;

/**
 * One connected terminal. It must say HELLO within the hello timeout; then it is online
 * until its connection ends. A protocol violation closes only this connection.
 */
final class TerminalSession implements Work {

    private static final Logger LOG = Logger.getLogger(TerminalSession.class.getName());
    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final TerminalServer server;
    private final Socket socket;
    private final FrameCodec codec;
    private final String remote;
    private volatile boolean replaced;

    TerminalSession(TerminalServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
        this.codec = new FrameCodec(server.maxFrameBytes());
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void run() {
        String terminalId = null;
        String reason = "connection closed by terminal";
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(server.helloTimeoutMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            terminalId = hello(in, out);
            socket.setSoTimeout(0);
            server.online(terminalId, this);
            server.dispatcher().deliver(new TerminalEvent(TerminalEvent.Kind.ONLINE, terminalId, remote, Instant.now(), null));
            Frame frame;
            while ((frame = codec.read(in)) != null) {
                if (frame.type() == FrameType.PING) {
                    codec.write(out, Frame.of(FrameType.PONG));
                } else {
                    throw new FrameException("unexpected " + frame.type() + " frame from a terminal");
                }
            }
        } catch (FrameException e) {
            reason = "protocol error: " + e.getMessage();
            refuse(e.getMessage());
        } catch (SocketTimeoutException e) {
            reason = "no hello within " + server.helloTimeoutMillis() + " ms";
            refuse(reason);
        } catch (IOException e) {
            reason = replaced ? "replaced by a newer connection" : "connection lost: " + e.getMessage();
        } finally {
            close(reason);
        }
        String closedReason = reason;
        String id = terminalId;
        LOG.log(Level.INFO, () -> "Terminal " + (id == null ? "(no hello)" : id) + " at " + remote + " disconnected: " + closedReason);
        if (terminalId != null && server.offline(terminalId, this)) {
            server.dispatcher().deliver(new TerminalEvent(TerminalEvent.Kind.OFFLINE, terminalId, remote, Instant.now(), reason));
        }
    }

    private String hello(InputStream in, OutputStream out) throws IOException, FrameException {
        Frame frame = codec.read(in);
        if (frame == null) {
            throw new FrameException("connection ended before hello");
        }
        if (frame.type() != FrameType.HELLO) {
            throw new FrameException("expected HELLO, got " + frame.type());
        }
        String id = frame.text();
        if (!TERMINAL_ID.matcher(id).matches()) {
            throw new FrameException("terminal ID \"" + id + "\" is not 1-64 letters, digits, '.', '_' or '-'");
        }
        codec.write(out, Frame.of(FrameType.WELCOME));
        return id;
    }

    /** Best effort: tell the terminal why before the connection closes. */
    private void refuse(String reason) {
        try {
            if (!socket.isClosed()) {
                codec.write(socket.getOutputStream(), Frame.of(FrameType.ERROR, reason));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "could not send refusal", e);
        }
    }

    void replaced() {
        replaced = true;
        close("replaced by a newer connection");
    }

    void close(String why) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing terminal " + remote + ": " + why, e);
        }
    }

    @Override
    public void release() {
        close("work released");
    }
}
