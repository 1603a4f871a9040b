package org.eticket.connector.terminal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.eticket.connector.protocol.FrameType;

/**
 * The events a terminal must deliver, on disk until the center acknowledges them. Each
 * event gets the next sequence number when it is added, and the file is forced to disk
 * before that returns, so an event once added survives a crash or power loss. The center
 * acknowledges by sequence; a sequence number is never used twice, not even after the
 * delivered events were dropped from the file. Together with the center's "last sequence
 * I hold" in WELCOME this gives delivery in order, without loss or duplication.
 *
 * <p>Files: {@code outbox.log} holds records {@code u32 length | u64 sequence | u8 type |
 * body | u32 CRC-32}; {@code outbox.ack} holds the last acknowledged sequence (written
 * atomically). A torn last record (crash mid-write) fails its CRC and is dropped on open:
 * its add never returned, so nobody was told it was kept.
 */
public final class EventOutbox implements AutoCloseable {

    /** One buffered event. */
    public record Entry(long sequence, FrameType type, byte[] body) {
    }

    static final String LOG = "outbox.log";
    static final String ACK = "outbox.ack";
    private static final int MAX_BODY = 60_000;

    private final Path directory;
    private final FileChannel log;
    private final List<Entry> pending = new ArrayList<>();
    private long acknowledged;
    private long lastSequence;

    private EventOutbox(Path directory, FileChannel log) {
        this.directory = directory;
        this.log = log;
    }

    public static EventOutbox open(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve(LOG), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        EventOutbox outbox = new EventOutbox(directory, channel);
        outbox.recover();
        return outbox;
    }

    private void recover() throws IOException {
        Path ack = directory.resolve(ACK);
        if (Files.exists(ack)) {
            acknowledged = ByteBuffer.wrap(Files.readAllBytes(ack)).getLong();
        }
        lastSequence = acknowledged;
        long size = log.size();
        ByteBuffer all = ByteBuffer.allocate((int) size);
        log.read(all, 0);
        all.flip();
        long good = 0;
        while (all.remaining() >= 4) {
            int length = all.getInt(all.position());
            if (length < 9 || length > MAX_BODY + 9 || all.remaining() < 4 + length + 4) {
                break;
            }
            byte[] record = new byte[length];
            all.position(all.position() + 4);
            all.get(record);
            int crc = all.getInt();
            if (crc(record) != crc) {
                break;
            }
            ByteBuffer r = ByteBuffer.wrap(record);
            long sequence = r.getLong();
            FrameType type = FrameType.of(r.get() & 0xFF).filter(FrameType::isEvent).orElse(null);
            if (type == null) {
                break;
            }
            byte[] body = new byte[r.remaining()];
            r.get(body);
            lastSequence = Math.max(lastSequence, sequence);
            if (sequence > acknowledged) {
                pending.add(new Entry(sequence, type, body));
            }
            good = all.position();
        }
        if (good < size) {
            log.truncate(good);
            log.force(true);
        }
        log.position(good);
    }

    /** Adds an event; it is on disk when this returns. */
    public synchronized Entry add(FrameType type, byte[] body) throws IOException {
        if (!type.isEvent()) {
            throw new IllegalArgumentException(type + " is not an event");
        }
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("event body of " + body.length + " bytes exceeds " + MAX_BODY);
        }
        long sequence = lastSequence + 1;
        ByteBuffer record = ByteBuffer.allocate(9 + body.length).putLong(sequence).put((byte) type.code()).put(body);
        byte[] bytes = record.array();
        ByteBuffer out = ByteBuffer.allocate(4 + bytes.length + 4).putInt(bytes.length).put(bytes).putInt(crc(bytes));
        out.flip();
        while (out.hasRemaining()) {
            log.write(out);
        }
        log.force(false);
        lastSequence = sequence;
        Entry entry = new Entry(sequence, type, body.clone());
        pending.add(entry);
        notifyAll();
        return entry;
    }

    /**
     * The center holds every event up to this sequence: they leave the buffer for good. A
     * sequence beyond our own (the terminal's files were replaced) moves numbering past it,
     * so the center never takes a new event for a repeat.
     */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (sequence <= acknowledged) {
            return;
        }
        acknowledged = sequence;
        lastSequence = Math.max(lastSequence, sequence);
        Path temporary = directory.resolve(ACK + ".new");
        try (FileChannel ack = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ack.write(ByteBuffer.allocate(8).putLong(0, acknowledged));
            ack.force(true);
        }
        Files.move(temporary, directory.resolve(ACK), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        pending.removeIf(e -> e.sequence() <= acknowledged);
        if (pending.isEmpty()) {
            // Everything is delivered: the acknowledged sequence in outbox.ack keeps numbering going.
            log.truncate(0);
            log.position(0);
            log.force(true);
        }
    }

    /** The events not yet acknowledged, oldest first. */
    public synchronized List<Entry> pending() {
        return List.copyOf(pending);
    }

    /** The first unacknowledged event after {@code sequence}, waiting up to the given time for one to be added. */
    public synchronized Entry next(long after, long waitMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + waitMillis;
        while (true) {
            for (Entry e : pending) {
                if (e.sequence() > after) {
                    return e;
                }
            }
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    public synchronized long acknowledged() {
        return acknowledged;
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
