package org.eticket.connector.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.protocol.ChipInfo;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.connector.protocol.FrameType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal program's PC/SC reader against the chip emulator through the real stack:
 * pcscd with vsmartcard's virtual reader (vpcd), the emulator as the card on vpcd's
 * socket. .ci/run installs and starts pcscd; outside CI the test is skipped, with the
 * reason, when pcscd is not installed or not running. Under CI=true it must run.
 */
class PcscVirtualReaderTest {

    private static final String VPCD_HOST = "localhost";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPcscd() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean installed = Files.exists(Path.of("/usr/sbin/pcscd"));
        boolean listening = vpcdListening();
        if (!ci) {
            Assumptions.assumeTrue(installed, "pcscd is not installed (apt-get install pcscd vsmartcard-vpcd; .ci/run does it)");
            Assumptions.assumeTrue(listening, "pcscd with vpcd is not running (start it with: pcscd --foreground &)");
        }
        assertTrue(installed && listening, "under CI, pcscd with vpcd must be installed and running (.ci/run)");
    }

    private static boolean vpcdListening() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(VPCD_HOST, VpcdCard.DEFAULT_PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ChipEmulator chip(ChipUid uid) {
        return ChipEmulator.inMemory(ChipPersonalization.of(uid, "eticket pcsc test", MasterKey.generate(1, new SecureRandom()).chipKeys(uid)));
    }

    @Test
    void theTerminalReadsAndTalksToTheEmulatedChipThroughPcscd() throws Exception {
        ChipUid uid = ChipUid.parse("04C0FFEE000001");
        PcscChipPort reader = PcscChipPort.open("Virtual PCD");
        try (EventOutbox outbox = EventOutbox.open(dir); ChipWatcher watcher = new ChipWatcher(reader, outbox)) {
            watcher.start();
            try (VpcdCard card = VpcdCard.insert(chip(uid), VPCD_HOST, VpcdCard.DEFAULT_PORT)) {
                awaitPending(outbox, 1);
                EventOutbox.Entry presented = outbox.pending().get(0);
                assertEquals(FrameType.CHIP_PRESENTED, presented.type());
                assertArrayEquals(uid.bytes(), presented.body(), "the watcher read the UID through pcscd");

                // The APDUs the center sends are relayed unchanged; GET RESPONSE chaining works too.
                byte[] fci = reader.transmit(HexFormat.of().parseHex("00A4040008F0455449434B455400"));
                assertEquals("9000", HexFormat.of().withUpperCase().formatHex(fci, fci.length - 2, fci.length));
                ChipInfo info = new ChipReader(command -> {
                    try {
                        return reader.transmit(command);
                    } catch (IOException e) {
                        throw new org.eticket.chip.apdu.ApduTransportException(e.getMessage(), e);
                    }
                }).select();
                assertEquals(uid, info.uid());
                byte[] unknown = reader.transmit(HexFormat.of().parseHex("80FF000000"));
                assertEquals("6D00", HexFormat.of().withUpperCase().formatHex(unknown));
            }
            awaitPending(outbox, 2);
            List<EventOutbox.Entry> events = outbox.pending();
            assertEquals(FrameType.CHIP_REMOVED, events.get(1).type(), "taking the card out of vpcd is a removal");
            assertArrayEquals(uid.bytes(), events.get(1).body());
            assertEquals(List.of(1L, 2L), events.stream().map(EventOutbox.Entry::sequence).toList());
        }
    }

    private static void awaitPending(EventOutbox outbox, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.pending().size() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("expected " + count + " events, have " + outbox.pending());
            }
            Thread.sleep(20);
        }
    }
}
