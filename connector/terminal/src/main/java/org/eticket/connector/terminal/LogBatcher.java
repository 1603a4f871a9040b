package org.eticket.connector.terminal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eticket.connector.protocol.FrameLayout;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;

/** Collects the terminal's own log lines and buffers them as LOG_BATCH events at intervals. */
public final class LogBatcher extends Handler {

    private final EventOutbox outbox;
    private final List<String> lines = new ArrayList<>();
    private final Timer timer = new Timer("log-batcher", true);

    public LogBatcher(EventOutbox outbox, long intervalMillis) {
        this.outbox = outbox;
        setLevel(Level.INFO);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                flush();
            }
        }, intervalMillis, intervalMillis);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (isLoggable(record) && lines.size() < FrameLayout.MAX_LOG_LINES) {
            String line = Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel() + " " + record.getMessage();
            lines.add(line.length() > 1000 ? line.substring(0, 1000) : line);
        }
    }

    @Override
    public void flush() {
        List<String> batch;
        synchronized (this) {
            if (lines.isEmpty()) {
                return;
            }
            batch = List.copyOf(lines);
            lines.clear();
        }
        try {
            outbox.add(FrameType.LOG_BATCH, Frames.logBatchBody(batch));
        } catch (IOException | IllegalArgumentException e) {
            Logger.getLogger(LogBatcher.class.getName()).log(Level.FINE, "log batch not buffered", e);
        }
    }

    @Override
    public void close() {
        timer.cancel();
        flush();
    }
}
