package org.eticket.connector.terminal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.eticket.connector.protocol.Frame;
import org.eticket.connector.protocol.FrameCodec;
import org.eticket.connector.protocol.FrameException;
import org.eticket.connector.protocol.FrameLayout;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;

/**
 * The terminal's link to the center: TLS with its certificate to the adapter, HELLO, then
 * the center's requests (APDUs to the chip, device commands) are carried out and answered
 * while the buffered events go out in sequence order. When the link breaks it is made
 * again, with growing pauses; events wait in the {@link EventOutbox} meanwhile, and the
 * center's WELCOME says which of them it already holds.
 */
public final class CenterLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CenterLink.class.getName());
    private static final long PING_MILLIS = 20_000;
    private static final long MAX_PAUSE_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final String terminalId;
    private final SSLContext tls;
    private final EventOutbox outbox;
    private final ChipPort chip;
    private final Devices devices;
    private final long firstPauseMillis;
    private final FrameCodec codec = new FrameCodec(65536);
    private final Object writeLock = new Object();
    private volatile boolean running;
    private volatile boolean online;
    private volatile SSLSocket socket;
    private volatile String lastProblem;
    private Thread loop;

    public CenterLink(String host, int port, String terminalId, SSLContext tls, EventOutbox outbox, ChipPort chip,
                      Devices devices, Duration firstPause) {
        this.host = host;
        this.port = port;
        this.terminalId = terminalId;
        this.tls = tls;
        this.outbox = outbox;
        this.chip = chip;
        this.devices = devices;
        this.firstPauseMillis = Math.max(10, firstPause.toMillis());
    }

    /** Keeps the link up in the background until {@link #close()}. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = new Thread(this::keepUp, "center-link-" + terminalId);
        loop.setDaemon(true);
        loop.start();
    }

    public boolean isOnline() {
        return online;
    }

    /** Why the last connection failed or ended (the center's ERROR text when it refused). */
    public String lastProblem() {
        return lastProblem;
    }

    /** Waits until the center welcomed this terminal; false after the timeout. */
    public boolean awaitOnline(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!online) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
        }
        return true;
    }

    /** Waits until the link is down (the center cut it off, or it broke); false after the timeout. */
    public boolean awaitOffline(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (online) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
        }
        return true;
    }

    /** Drops the current connection (as a network failure would); the link makes a new one. */
    public void breakConnection() {
        SSLSocket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        breakConnection();
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void keepUp() {
        long pause = firstPauseMillis;
        while (running) {
            try {
                connectAndServe();
                pause = firstPauseMillis;
            } catch (IOException | FrameException e) {
                lastProblem = e.getMessage();
                LOG.log(Level.INFO, () -> "Terminal " + terminalId + ": link to " + host + ":" + port + " down: " + e.getMessage());
            } catch (RuntimeException e) {
                lastProblem = e.toString();
                LOG.log(Level.WARNING, "Terminal " + terminalId + ": link failed", e);
            }
            setOnline(false);
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
    }

    private void connectAndServe() throws IOException, FrameException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
        socket = s;
        Thread sender = null;
        try {
            s.connect(new InetSocketAddress(host, port), 10_000);
            s.setTcpNoDelay(true);
            s.setSoTimeout(15_000);
            s.startHandshake();
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            write(out, Frames.hello(terminalId));
            Frame welcome = codec.read(in);
            if (welcome == null) {
                throw new IOException("the center closed the connection before WELCOME");
            }
            if (welcome.type() == FrameType.ERROR) {
                throw new IOException("refused by the center: " + welcome.text());
            }
            if (welcome.type() != FrameType.WELCOME) {
                throw new FrameException("expected WELCOME, got " + welcome.type());
            }
            outbox.acknowledge(FrameLayout.sequence(welcome));
            s.setSoTimeout(0);
            lastProblem = null;
            setOnline(true);
            LOG.info(() -> "Terminal " + terminalId + " online at " + host + ":" + port);
            sender = new Thread(() -> send(out), "center-link-sender-" + terminalId);
            sender.setDaemon(true);
            sender.start();
            Frame frame;
            while ((frame = codec.read(in)) != null) {
                handle(frame, out);
            }
            throw new IOException("the center closed the connection");
        } finally {
            setOnline(false);
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing", e);
            }
            if (sender != null) {
                sender.interrupt();
            }
        }
    }

    /** Sends the buffered events in sequence order, from the first one the center has not acknowledged; pings when idle. */
    private void send(OutputStream out) {
        long sent = outbox.acknowledged();
        try {
            while (online && !Thread.currentThread().isInterrupted()) {
                EventOutbox.Entry next = outbox.next(sent, PING_MILLIS);
                if (next == null) {
                    write(out, Frame.of(FrameType.PING));
                } else {
                    write(out, Frames.event(next.type(), next.sequence(), next.body()));
                    sent = next.sequence();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            breakConnection();
        }
    }

    private void handle(Frame frame, OutputStream out) throws IOException, FrameException {
        switch (frame.type()) {
            case EVENT_ACK -> outbox.acknowledge(FrameLayout.sequence(frame));
            case PONG -> { }
            case ERROR -> throw new IOException("cut off by the center: " + frame.text());
            case APDU -> {
                int id = FrameLayout.requestId(frame);
                Frame answer;
                try {
                    answer = Frames.apduResponse(id, chip.transmit(FrameLayout.body(frame)));
                } catch (IOException e) {
                    answer = Frames.failed(id, e.getMessage() == null ? e.toString() : e.getMessage());
                }
                write(out, answer);
            }
            case LAMP, DISPLAY, AUDIO, OPEN_GATE, PRINT -> write(out, command(frame));
            default -> throw new FrameException("unexpected " + frame.type() + " frame from the center");
        }
    }

    private Frame command(Frame frame) {
        int id = FrameLayout.requestId(frame);
        byte[] body = FrameLayout.body(frame);
        try {
            switch (frame.type()) {
                case LAMP -> devices.lamp(Devices.Lamp.values()[body[0]]);
                case DISPLAY -> devices.display(FrameLayout.text(frame), body[0] == 1);
                case AUDIO -> devices.audio(FrameLayout.text(frame));
                case OPEN_GATE -> devices.openGate();
                case PRINT -> devices.print(FrameLayout.text(frame));
                default -> throw new IllegalStateException("not a command: " + frame.type());
            }
            return Frames.done(id);
        } catch (IOException e) {
            return Frames.failed(id, e.getMessage());
        }
    }

    private void write(OutputStream out, Frame frame) throws IOException {
        synchronized (writeLock) {
            codec.write(out, frame);
        }
    }

    private void setOnline(boolean value) {
        synchronized (this) {
            online = value;
            notifyAll();
        }
    }
}
