package org.eticket.connector.adapter.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLSocket;
import org.eticket.connector.protocol.Frame;
import org.eticket.connector.protocol.FrameCodec;
import org.eticket.connector.protocol.FrameLayout;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;
import org.eticket.connector.terminal.CenterLink;
import org.eticket.connector.terminal.ConsoleDevices;
import org.eticket.connector.terminal.EmulatedChipPort;
import org.eticket.connector.terminal.EventOutbox;
import org.eticket.connector.terminal.TerminalIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a unit test (the name keeps it out of the default run): the bench profile runs it.
 * (1) Events per second the adapter delivers to MDB-like endpoints: several terminals
 * stream numbered events over TLS, each is parsed, checked, delivered synchronously and
 * acknowledged. (2) Round-trip time of one APDU from the adapter's session through the
 * terminal program to the chip emulator and back, on loopback.
 */
class AdapterBenchmark {

    @TempDir
    Path dir;

    @Test
    void eventsPerSecondAndApduRoundTrip() throws Exception {
        int terminals = Integer.getInteger("bench.terminals", 4);
        int eventsEach = Integer.getInteger("bench.events", 100_000);
        int apdus = Integer.getInteger("bench.apdus", 5_000);
        StringBuilder report = new StringBuilder();
        try (AdapterHarness adapter = new AdapterHarness(dir.resolve("pki"), 0)) {
            adapter.keepEvents = false;
            // Warm-up round, then the measured one.
            streamEvents(adapter, "WARM", terminals, eventsEach / 10);
            long delivered = adapter.delivered.get();
            long start = System.nanoTime();
            streamEvents(adapter, "BENCH", terminals, eventsEach);
            double seconds = (System.nanoTime() - start) / 1e9;
            long count = adapter.delivered.get() - delivered;
            assertEquals((long) terminals * eventsEach, count);
            report.append(String.format("events: %d terminals x %d events over TLS, delivered and acknowledged: %.0f events/s (%.2f s)%n",
                    terminals, eventsEach, count / seconds, seconds));

            adapter.keepEvents = true;
            TerminalIdentity gate = adapter.enroll("GATE-RTT");
            EmulatedChipPort reader = new EmulatedChipPort();
            reader.place(TerminalServerTest.chip("04A1B2C3D4E5F6"));
            try (EventOutbox outbox = EventOutbox.open(dir.resolve("outbox"));
                 CenterLink link = new CenterLink("127.0.0.1", adapter.server.port(), "GATE-RTT", gate.sslContext(), outbox, reader,
                         new ConsoleDevices("GATE", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                         Duration.ofMillis(50))) {
                link.start();
                assertTrue(link.awaitOnline(Duration.ofSeconds(20)));
                TerminalSession session = adapter.server.session("GATE-RTT");
                for (int i = 0; i < 1000; i++) {
                    session.request(id -> Frames.apdu(id, TerminalServerTest.SELECT), Duration.ofSeconds(5));
                }
                long[] nanos = new long[apdus];
                for (int i = 0; i < apdus; i++) {
                    long t0 = System.nanoTime();
                    Frame answer = session.request(id -> Frames.apdu(id, TerminalServerTest.SELECT), Duration.ofSeconds(5));
                    nanos[i] = System.nanoTime() - t0;
                    assertEquals(FrameType.APDU_RESPONSE, answer.type());
                }
                Arrays.sort(nanos);
                report.append(String.format("APDU round trip (SELECT, adapter -> terminal program -> chip emulator -> back, TLS loopback, %d runs): "
                                + "median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us%n", apdus,
                        nanos[apdus / 2] / 1e3, nanos[apdus * 9 / 10] / 1e3, nanos[apdus * 99 / 100] / 1e3, nanos[apdus - 1] / 1e3));
            }
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "adapter-benchmark.txt"), report.toString());
    }

    /** Each terminal writes its events as fast as TLS takes them while a reader takes the ACKs; returns when all are acknowledged. */
    private static void streamEvents(AdapterHarness adapter, String prefix, int terminals, int events) throws Exception {
        List<Thread> threads = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(terminals);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < terminals; t++) {
            String id = prefix + "-" + t;
            TerminalIdentity identity = adapter.enroll(id);
            SSLSocket socket = (SSLSocket) identity.sslContext().getSocketFactory().createSocket("127.0.0.1", adapter.server.port());
            socket.setTcpNoDelay(true);
            FrameCodec codec = new FrameCodec(65536);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out.write(codec.encode(Frames.hello(id)));
            out.flush();
            assertEquals(FrameType.WELCOME, codec.read(in).type());
            Thread reader = new Thread(() -> {
                try (socket) {
                    long last = 0;
                    while (last < events) {
                        Frame ack = codec.read(in);
                        last = FrameLayout.sequence(ack);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
            Thread writer = new Thread(() -> {
                try {
                    byte[] uid = {4, 1, 2, 3, 4, 5, 6};
                    for (int i = 1; i <= events; i++) {
                        out.write(codec.encode(Frames.event(FrameType.CHIP_PRESENTED, i, uid)));
                    }
                    out.flush();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(reader);
            threads.add(writer);
        }
        threads.forEach(Thread::start);
        done.await();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), failures::toString);
    }
}
