package org.eticket.connector.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eticket.connector.protocol.Frame;
import org.eticket.connector.protocol.FrameLayout;
import org.eticket.connector.protocol.FrameType;
import org.eticket.connector.protocol.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration, devices per terminal kind, and log batches of the terminal program. */
class TerminalProgramPartsTest {

    @TempDir
    Path dir;

    @Test
    void configurationComesFromTheFileWithCommandLineOverrides() throws IOException {
        Path file = dir.resolve("terminal.properties");
        Files.writeString(file, "terminal.id=GATE-01\nterminal.kind=gate\ncenter.url=http://center:8080/eticket\nadapter.port=7401\n");
        TerminalConfig config = TerminalConfig.from(file, "--adapter.host=adapter.example", "--data.dir=" + dir.resolve("data"));
        assertEquals("GATE-01", config.terminalId());
        assertEquals("GATE", config.kind());
        assertEquals(URI.create("http://center:8080/eticket/"), config.centerUrl(), "a trailing slash, so API paths resolve below it");
        assertEquals("adapter.example", config.adapterHost());
        assertEquals(7401, config.adapterPort());
        assertThrows(IllegalArgumentException.class, () -> TerminalConfig.from(null, "--terminal.kind=GATE"));
        assertThrows(IllegalArgumentException.class, () -> TerminalConfig.from(file, "adapter.port=1"));
        char[] password = config.keystorePassword();
        assertTrue(password.length >= 30);
        assertEquals(new String(password), new String(config.keystorePassword()), "generated once, then kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/terminal.password"))));
    }

    @Test
    void eachKindHasItsOwnDevices() throws IOException {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ConsoleDevices home = new ConsoleDevices("HOME_READER", sink);
        home.display("Please bring your card close to the writer", true);
        home.audio("bring-card-close");
        assertEquals("a HOME_READER terminal has no lamp", assertThrows(IOException.class, () -> home.lamp(Devices.Lamp.BLUE)).getMessage());
        assertThrows(IOException.class, home::openGate);
        ConsoleDevices kiosk = new ConsoleDevices("KIOSK", sink);
        kiosk.print("Seat A-12");
        assertThrows(IOException.class, kiosk::openGate);
        ConsoleDevices gate = new ConsoleDevices("GATE", sink);
        gate.lamp(Devices.Lamp.RED);
        gate.openGate();
        assertEquals(List.of("lamp RED", "flap gate opened for one passage"), gate.history());
        assertThrows(IllegalArgumentException.class, () -> new ConsoleDevices("TOASTER", sink));
    }

    @Test
    void logLinesGoToTheCenterInBatches() throws IOException {
        try (EventOutbox outbox = EventOutbox.open(dir)) {
            LogBatcher batcher = new LogBatcher(outbox, 3_600_000);
            batcher.publish(new LogRecord(Level.INFO, "link up"));
            batcher.publish(new LogRecord(Level.FINE, "too detailed"));
            batcher.publish(new LogRecord(Level.WARNING, "reader lost"));
            batcher.flush();
            batcher.flush(); // nothing new: no empty batch
            List<EventOutbox.Entry> pending = outbox.pending();
            assertEquals(1, pending.size());
            assertEquals(FrameType.LOG_BATCH, pending.get(0).type());
            Frame frame = Frames.event(FrameType.LOG_BATCH, pending.get(0).sequence(), pending.get(0).body());
            List<String> lines = FrameLayout.logLines(frame);
            assertEquals(2, lines.size());
            assertTrue(lines.get(0).endsWith("INFO link up") && lines.get(1).endsWith("WARNING reader lost"), lines.toString());
            batcher.close();
        }
    }
}
