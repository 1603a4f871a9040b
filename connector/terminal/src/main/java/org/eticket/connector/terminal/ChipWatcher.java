package org.eticket.connector.terminal;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.connector.protocol.FrameType;

/** Watches the reader and buffers CHIP_PRESENTED / CHIP_REMOVED events with the chip's UID. */
public final class ChipWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChipWatcher.class.getName());

    private final ChipPort chip;
    private final EventOutbox outbox;
    private volatile boolean running;
    private Thread thread;

    public ChipWatcher(ChipPort chip, EventOutbox outbox) {
        this.chip = chip;
        this.outbox = outbox;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::watch, "chip-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            try {
                var uid = chip.awaitChip(500);
                if (uid.isEmpty()) {
                    continue;
                }
                outbox.add(FrameType.CHIP_PRESENTED, uid.get());
                while (running && !chip.awaitRemoval(500)) {
                    // the chip stays in the field while the center works with it
                }
                outbox.add(FrameType.CHIP_REMOVED, uid.get());
            } catch (IOException e) {
                LOG.log(Level.INFO, "reader: " + e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
