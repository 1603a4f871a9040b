package org.eticket.connector.adapter.inbound;

import jakarta.resource.spi.work.Work;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.eticket.connector.adapter.pki.TerminalPki;
import org.eticket.connector.api.TerminalAdmission;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.connector.api.TerminalException;
import org.eticket.connector.protocol.Frame;
import org.eticket.connector.protocol.FrameCodec;
import org.eticket.connector.protocol.FrameException;
import org.eticket.connector.protocol.FrameLayout;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;

/**
 * One connected terminal. The TLS handshake proves it holds a certificate of the
 * platform's terminal CA; its HELLO must name the terminal of that certificate, and the
 * center must admit it (not revoked, the current certificate). It is then online until
 * its connection ends. A protocol violation closes only this connection, with the reason
 * logged and sent in an ERROR frame.
 */
public final class TerminalSession implements Work {

    private static final Logger LOG = Logger.getLogger(TerminalSession.class.getName());
    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final TerminalServer server;
    private final Socket socket;
    private final FrameCodec codec;
    private final String remote;
    private final Map<Integer, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile String closeReason;
    private volatile OutputStream out;
    private volatile int version = Frame.VERSION;
    private volatile String terminalId;
    private volatile String certificateSerial;
    private long lastSequence;

    TerminalSession(TerminalServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
        this.codec = new FrameCodec(server.settings().maxFrameBytes());
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void run() {
        String id = null;
        String reason = "connection closed by terminal";
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(server.settings().helloTimeoutMillis());
            X509Certificate certificate = handshake();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
            id = hello(in, certificate);
            socket.setSoTimeout(0);
            server.dispatcher().deliver(event(TerminalEvent.Kind.ONLINE, 0, null, null, null));
            Frame frame;
            while ((frame = codec.read(in)) != null) {
                handle(frame);
            }
        } catch (FrameException e) {
            reason = "protocol error: " + e.getMessage();
            refuse(e.getMessage());
        } catch (SSLException e) {
            reason = "TLS refused: " + e.getMessage();
        } catch (SocketTimeoutException e) {
            reason = "no hello within " + server.settings().helloTimeoutMillis() + " ms";
            refuse(reason);
        } catch (IOException e) {
            reason = closeReason != null ? closeReason : "connection lost: " + e.getMessage();
        } finally {
            close(reason);
        }
        if (closeReason != null && !reason.startsWith("protocol error")) {
            reason = closeReason;
        }
        String closedReason = reason;
        String shownId = terminalId;
        LOG.log(Level.INFO, () -> "Terminal " + (shownId == null ? "(not admitted)" : shownId) + " at " + remote
                + " disconnected: " + closedReason);
        pending.values().forEach(f -> f.completeExceptionally(new IOException(closedReason)));
        id = terminalId;
        if (id != null && server.offline(id, this)) {
            server.dispatcher().deliver(event(TerminalEvent.Kind.OFFLINE, 0, null, reason, null));
        }
    }

    private X509Certificate handshake() throws IOException {
        if (!(socket instanceof SSLSocket tls)) {
            throw new SSLException("not a TLS connection");
        }
        tls.startHandshake();
        Certificate[] chain = tls.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            throw new SSLException("no terminal certificate");
        }
        return certificate;
    }

    private String hello(InputStream in, X509Certificate certificate) throws IOException, FrameException {
        Frame frame = codec.read(in);
        if (frame == null) {
            throw new FrameException("connection ended before hello");
        }
        if (frame.type() != FrameType.HELLO) {
            throw new FrameException("expected HELLO, got " + frame.type());
        }
        version = frame.version();
        String id = frame.text();
        if (!TERMINAL_ID.matcher(id).matches()) {
            throw new FrameException("terminal ID \"" + id + "\" is not 1-64 letters, digits, '.', '_' or '-'");
        }
        String certified = TerminalPki.commonName(certificate);
        if (!id.equals(certified)) {
            throw new FrameException("terminal ID " + id + " is not the one its certificate names");
        }
        certificateSerial = TerminalPki.serialOf(certificate);
        TerminalAdmission admission = server.dispatcher().admit(id, certificateSerial);
        if (!admission.admitted()) {
            throw new FrameException("terminal " + id + " is not admitted: " + admission.reason());
        }
        lastSequence = admission.lastSequence();
        terminalId = id;
        // Reachable for requests from the moment of WELCOME, and no request can overtake it.
        synchronized (this) {
            server.online(id, this);
            send(version >= 2 ? Frames.welcome(lastSequence) : Frame.of(FrameType.WELCOME));
        }
        return id;
    }

    private void handle(Frame frame) throws IOException, FrameException {
        if (frame.version() != version) {
            throw new FrameException("version " + frame.version() + " frame in a version " + version + " session");
        }
        FrameType type = frame.type();
        if (type.direction() != FrameType.Direction.TO_CENTER || type == FrameType.HELLO) {
            throw new FrameException("unexpected " + type + " frame from a terminal");
        }
        switch (type) {
            case PING -> send(Frame.of(FrameType.PONG));
            case APDU_RESPONSE, COMMAND_DONE, COMMAND_FAILED -> {
                CompletableFuture<Frame> waiting = pending.remove(FrameLayout.requestId(frame));
                if (waiting != null) {
                    waiting.complete(frame);
                } else {
                    LOG.fine(() -> "late answer " + type + " from " + terminalId + " (its request timed out)");
                }
            }
            default -> onEvent(frame);
        }
    }

    /** Delivers each sequence number once: a repeat (the terminal missed our ACK) is only acknowledged again. */
    private void onEvent(Frame frame) throws IOException {
        long sequence = FrameLayout.sequence(frame);
        if (sequence > lastSequence) {
            TerminalEvent event = switch (frame.type()) {
                case CHIP_PRESENTED -> event(TerminalEvent.Kind.CHIP_PRESENTED, sequence, hex(FrameLayout.body(frame)), null, null);
                case CHIP_REMOVED -> event(TerminalEvent.Kind.CHIP_REMOVED, sequence, hex(FrameLayout.body(frame)), null, null);
                case OPERATOR_INPUT -> event(TerminalEvent.Kind.OPERATOR_INPUT, sequence, null, FrameLayout.text(frame), null);
                case LOG_BATCH -> event(TerminalEvent.Kind.LOG_BATCH, sequence, null, null, FrameLayout.logLines(frame));
                default -> throw new IllegalStateException("not an event: " + frame.type());
            };
            if (!server.dispatcher().deliver(event)) {
                // No ACK: the terminal keeps the event and sends it again on its next connection.
                throw new IOException(closeReason = "event #" + sequence + " could not be delivered; the terminal will resend it");
            }
            lastSequence = sequence;
        }
        send(Frames.eventAck(sequence));
    }

    private TerminalEvent event(TerminalEvent.Kind kind, long sequence, String chipUid, String detail, java.util.List<String> lines) {
        return new TerminalEvent(kind, terminalId, remote, Instant.now(), detail, server.instanceId(), sequence, chipUid, lines);
    }

    /** Sends a request and waits for the terminal's answer frame. */
    public Frame request(IntFunction<Frame> build, Duration timeout) throws TerminalException {
        if (version < 2) {
            throw new TerminalException(TerminalException.Reason.BAD_REQUEST,
                    "terminal " + terminalId + " speaks protocol version " + version + ", which has no commands");
        }
        int id = requestIds.incrementAndGet();
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            Frame frame = build.apply(id);
            try {
                codec.encode(frame);
            } catch (IllegalArgumentException e) {
                throw new TerminalException(TerminalException.Reason.BAD_REQUEST, e.getMessage());
            }
            send(frame);
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException e) {
            throw new TerminalException(TerminalException.Reason.NOT_CONNECTED,
                    "terminal " + terminalId + " disconnected: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new TerminalException(TerminalException.Reason.TIMEOUT,
                    "terminal " + terminalId + " did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TerminalException(TerminalException.Reason.TIMEOUT, "interrupted waiting for terminal " + terminalId);
        } finally {
            pending.remove(id);
        }
    }

    /** Asks the center again; a terminal it no longer admits (revoked, re-enrolled) is cut off. */
    void recheck() {
        String id = terminalId;
        if (id == null) {
            return;
        }
        TerminalAdmission admission = server.dispatcher().admit(id, certificateSerial);
        if (!admission.admitted()) {
            cutOff("no longer admitted: " + admission.reason());
        }
    }

    /** Closes this connection with a reason the terminal is told and the OFFLINE event carries. */
    public void cutOff(String reason) {
        closeReason = reason;
        refuse(reason);
        close(reason);
    }

    private void send(Frame frame) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("not connected");
        }
        synchronized (this) {
            codec.write(o, frame.version() == version ? frame : frame.inVersion(version));
        }
    }

    /** Best effort: tell the terminal why before the connection closes. */
    private void refuse(String reason) {
        try {
            if (!socket.isClosed()) {
                synchronized (this) {
                    codec.write(socket.getOutputStream(), Frames.error(reason).inVersion(version));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "could not send refusal", e);
        }
    }

    void replaced() {
        closeReason = "replaced by a newer connection";
        close(closeReason);
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

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
    }
}
