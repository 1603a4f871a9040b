package org.eticket.connector.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Logger;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipDirectory;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.connector.protocol.FrameType;

/**
 * One program for every terminal kind. Started with its configuration (and, the first
 * time, its one-time enrollment code): it enrolls if it has no certificate yet, then keeps
 * the link to the center, watches its PC/SC reader, and sends what the operator types as
 * OPERATOR_INPUT events.
 *
 * <pre>
 *   terminal --config terminal.properties [--enrollment.code=XXXX-XXXX-XXXX-XXXX] [--key=value ...]
 *   terminal virtual-card --chip-dir DIR [--vpcd-port 35963]   (a chip emulator in vpcd's virtual reader)
 * </pre>
 */
public final class TerminalProgram implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TerminalProgram.class.getName());

    private final EventOutbox outbox;
    private final CenterLink link;
    private final ChipWatcher watcher;
    private final LogBatcher logs;

    private TerminalProgram(EventOutbox outbox, CenterLink link, ChipWatcher watcher, LogBatcher logs) {
        this.outbox = outbox;
        this.link = link;
        this.watcher = watcher;
        this.logs = logs;
    }

    /** Enrolls if needed and starts the link and the reader watch. */
    public static TerminalProgram start(TerminalConfig config, ChipPort chip, Devices devices)
            throws IOException, GeneralSecurityException {
        char[] password = config.keystorePassword();
        TerminalIdentity identity;
        if (TerminalIdentity.exists(config.dataDirectory())) {
            identity = TerminalIdentity.load(config.dataDirectory(), password);
        } else {
            if (config.enrollmentCode() == null || config.enrollmentCode().isBlank()) {
                throw new IOException("terminal " + config.terminalId() + " is not enrolled: start it once with --enrollment.code=...");
            }
            identity = TerminalIdentity.enroll(config.centerUrl(), config.terminalId(), config.enrollmentCode(),
                    config.dataDirectory(), password);
            LOG.info(() -> "Terminal " + config.terminalId() + " enrolled");
        }
        Arrays.fill(password, '\0');
        EventOutbox outbox = EventOutbox.open(config.dataDirectory().resolve("outbox"));
        LogBatcher logs = new LogBatcher(outbox, config.logBatchInterval().toMillis());
        Logger.getLogger("org.eticket").addHandler(logs);
        CenterLink link = new CenterLink(config.adapterHost(), config.adapterPort(), identity.terminalId(),
                identity.sslContext(), outbox, chip, devices, Duration.ofMillis(500));
        ChipWatcher watcher = new ChipWatcher(chip, outbox);
        link.start();
        watcher.start();
        return new TerminalProgram(outbox, link, watcher, logs);
    }

    public CenterLink link() {
        return link;
    }

    public EventOutbox outbox() {
        return outbox;
    }

    /** What the operator typed or chose, for the center. */
    public void operatorInput(String text) throws IOException {
        outbox.add(FrameType.OPERATOR_INPUT, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        Logger.getLogger("org.eticket").removeHandler(logs);
        logs.close();
        watcher.close();
        link.close();
        outbox.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("virtual-card")) {
            virtualCard(args);
            return;
        }
        Path config = null;
        java.util.List<String> overrides = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else {
                overrides.add(args[i]);
            }
        }
        TerminalConfig c = TerminalConfig.from(config, overrides.toArray(String[]::new));
        PcscChipPort reader = PcscChipPort.open(c.reader());
        LOG.info(() -> "Terminal " + c.terminalId() + " (" + c.kind() + ") using reader " + reader.name());
        try (TerminalProgram program = start(c, reader, new ConsoleDevices(c.kind(), System.out))) {
            BufferedReader operator = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = operator.readLine()) != null) {
                if (!line.isBlank()) {
                    program.operatorInput(line.strip());
                }
            }
            Thread.currentThread().join();
        }
    }

    private static void virtualCard(String[] args) throws Exception {
        Path dir = null;
        int port = VpcdCard.DEFAULT_PORT;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--chip-dir" -> dir = Path.of(args[i + 1]);
                case "--vpcd-port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("virtual-card needs --chip-dir DIR");
        }
        ChipDirectory chips = new ChipDirectory(dir);
        ChipEmulator chip;
        if (chips.uids().isEmpty()) {
            // A demo chip under a throwaway master key: readable by anyone, writable by nobody.
            SecureRandom random = new SecureRandom();
            ChipUid uid = ChipUid.random(random);
            chip = chips.create(ChipPersonalization.of(uid, "eticket demo chip", MasterKey.generate(1, random).chipKeys(uid)));
        } else {
            chip = chips.open(chips.uids().get(0));
        }
        ChipEmulator served = chip;
        try (VpcdCard card = VpcdCard.insert(served, "localhost", port)) {
            LOG.info(() -> "Chip " + served.uid() + " is in vpcd's reader; stop the program to take it out");
            Thread.currentThread().join();
        }
    }
}
