package org.eticket.connector.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eticket.connector.protocol.FrameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventOutboxTest {

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<EventOutbox.Entry> entries) {
        return entries.stream().map(e -> new String(e.body(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void keepsUnacknowledgedEventsInOrderAcrossRestarts() throws IOException {
        try (EventOutbox outbox = EventOutbox.open(dir)) {
            assertEquals(1, outbox.add(FrameType.OPERATOR_INPUT, text("a")).sequence());
            assertEquals(2, outbox.add(FrameType.CHIP_PRESENTED, new byte[] {4, 1, 2, 3, 4, 5, 6}).sequence());
            assertEquals(3, outbox.add(FrameType.OPERATOR_INPUT, text("c")).sequence());
            outbox.acknowledge(1);
        }
        try (EventOutbox reopened = EventOutbox.open(dir)) {
            List<EventOutbox.Entry> pending = reopened.pending();
            assertEquals(List.of(2L, 3L), pending.stream().map(EventOutbox.Entry::sequence).toList());
            assertEquals(FrameType.CHIP_PRESENTED, pending.get(0).type());
            assertArrayEquals(new byte[] {4, 1, 2, 3, 4, 5, 6}, pending.get(0).body());
            assertEquals(4, reopened.add(FrameType.OPERATOR_INPUT, text("d")).sequence(), "numbering goes on");
        }
    }

    @Test
    void neverReusesASequenceAfterEverythingWasDelivered() throws IOException {
        try (EventOutbox outbox = EventOutbox.open(dir)) {
            outbox.add(FrameType.OPERATOR_INPUT, text("a"));
            outbox.add(FrameType.OPERATOR_INPUT, text("b"));
            outbox.acknowledge(2);
            assertEquals(0, Files.size(dir.resolve(EventOutbox.LOG)), "the delivered events leave the file");
        }
        try (EventOutbox reopened = EventOutbox.open(dir)) {
            assertTrue(reopened.pending().isEmpty());
            assertEquals(3, reopened.add(FrameType.OPERATOR_INPUT, text("c")).sequence(),
                    "the center holds 1 and 2: a new event must not look like a repeat");
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndTheRestKept() throws IOException {
        try (EventOutbox outbox = EventOutbox.open(dir)) {
            outbox.add(FrameType.OPERATOR_INPUT, text("whole"));
            outbox.add(FrameType.OPERATOR_INPUT, text("torn by a power loss"));
        }
        Path log = dir.resolve(EventOutbox.LOG);
        byte[] bytes = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(bytes, bytes.length - 3), StandardOpenOption.TRUNCATE_EXISTING);
        try (EventOutbox reopened = EventOutbox.open(dir)) {
            assertEquals(List.of("whole"), texts(reopened.pending()));
            assertEquals(2, reopened.add(FrameType.OPERATOR_INPUT, text("again")).sequence());
        }
        try (EventOutbox again = EventOutbox.open(dir)) {
            assertEquals(List.of("whole", "again"), texts(again.pending()), "the file was repaired, not appended after garbage");
        }
    }

    @Test
    void aCenterAheadOfTheTerminalMovesNumberingPastIt() throws IOException {
        try (EventOutbox outbox = EventOutbox.open(dir)) {
            outbox.add(FrameType.OPERATOR_INPUT, text("a"));
            outbox.acknowledge(40); // WELCOME from a center that already holds #40 (the terminal's files were replaced)
            assertTrue(outbox.pending().isEmpty());
            assertEquals(41, outbox.add(FrameType.OPERATOR_INPUT, text("b")).sequence());
        }
    }

    @Test
    void nextHandsOutEventsInOrderAndWaitsForNewOnes() throws Exception {
        try (EventOutbox outbox = EventOutbox.open(dir)) {
            outbox.add(FrameType.OPERATOR_INPUT, text("a"));
            outbox.add(FrameType.OPERATOR_INPUT, text("b"));
            assertEquals(1, outbox.next(0, 0).sequence());
            assertEquals(2, outbox.next(1, 0).sequence());
            assertNull(outbox.next(2, 20), "nothing after 2 yet");
            Thread producer = new Thread(() -> {
                try {
                    Thread.sleep(50);
                    outbox.add(FrameType.OPERATOR_INPUT, text("c"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            producer.start();
            assertEquals(3, outbox.next(2, 5000).sequence(), "woken by the add");
            producer.join();
        }
    }

    @Test
    void concurrentProducersGetDistinctGaplessSequences() throws Exception {
        ConcurrentHashMap<Long, String> seen = new ConcurrentHashMap<>();
        try (EventOutbox outbox = EventOutbox.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String body = thread + ":" + i;
                        long sequence = outbox.add(FrameType.OPERATOR_INPUT, text(body)).sequence();
                        assertNull(seen.put(sequence, body));
                    }
                    return null;
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        try (EventOutbox reopened = EventOutbox.open(dir)) {
            List<Long> sequences = new ArrayList<>(reopened.pending().stream().map(EventOutbox.Entry::sequence).toList());
            assertEquals(200, sequences.size());
            for (int i = 0; i < 200; i++) {
                assertEquals(i + 1, sequences.get(i));
                assertEquals(seen.get((long) i + 1), texts(reopened.pending()).get(i));
            }
        }
    }
}
