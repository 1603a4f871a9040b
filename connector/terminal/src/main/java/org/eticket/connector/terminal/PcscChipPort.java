package org.eticket.connector.terminal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.eticket.chip.apdu.ApduTransportException;

/** A real reader through PC/SC ({@code javax.smartcardio}); on Linux that is pcscd. */
public final class PcscChipPort implements ChipPort {

    /** How often the reader is asked whether a chip came or went. */
    static final long POLL_MILLIS = 50;

    private final CardTerminal reader;
    private Card card;

    public PcscChipPort(CardTerminal reader) {
        this.reader = reader;
    }

    /** The first reader whose name contains the given text (case-insensitive); any reader when it is blank. */
    public static PcscChipPort open(String readerName) throws IOException {
        try {
            List<CardTerminal> readers = TerminalFactory.getDefault().terminals().list();
            for (CardTerminal r : readers) {
                if (readerName == null || readerName.isBlank()
                        || r.getName().toLowerCase(Locale.ROOT).contains(readerName.toLowerCase(Locale.ROOT))) {
                    return new PcscChipPort(r);
                }
            }
            throw new IOException("no PC/SC reader" + (readerName == null || readerName.isBlank() ? "" : " named like \"" + readerName + "\"")
                    + " among " + readers.stream().map(CardTerminal::getName).toList());
        } catch (CardException e) {
            throw new IOException("PC/SC is not available: " + e.getMessage(), e);
        }
    }

    public String name() {
        return reader.getName();
    }

    @Override
    public Optional<byte[]> awaitChip(long millis) throws IOException {
        try {
            if (!awaitPresence(true, millis)) {
                return Optional.empty();
            }
            synchronized (this) {
                if (card == null) {
                    card = reader.connect("*");
                }
                return Optional.of(ChipUids.read(this::exchange));
            }
        } catch (CardException e) {
            synchronized (this) {
                disconnect();
            }
            throw new IOException("reader " + reader.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean awaitRemoval(long millis) throws IOException {
        try {
            boolean gone = awaitPresence(false, millis);
            if (gone) {
                synchronized (this) {
                    disconnect();
                }
            }
            return gone;
        } catch (CardException e) {
            throw new IOException("reader " + reader.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Polls the reader rather than {@code waitForCardPresent/Absent}: javax.smartcardio shares one
     * PC/SC context per JVM and pcsc-lite serializes the calls on a context, so a blocking wait in
     * the chip watcher held every APDU to the chip until the wait timed out (~275 ms per APDU with
     * a 500 ms wait, against ~60 ms without). False when the time is up or the thread interrupted.
     */
    private boolean awaitPresence(boolean present, long millis) throws CardException {
        long until = System.nanoTime() + Math.max(0, millis) * 1_000_000L;
        while (reader.isCardPresent() != present) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized byte[] transmit(byte[] commandApdu) throws IOException {
        try {
            if (card == null) {
                if (!reader.isCardPresent()) {
                    throw new IOException("no chip in the reader");
                }
                card = reader.connect("*");
            }
            return exchange(commandApdu);
        } catch (ApduTransportException | CardException e) {
            disconnect();
            throw new IOException("reader " + reader.getName() + ": " + e.getMessage(), e);
        }
    }

    private byte[] exchange(byte[] command) throws ApduTransportException {
        try {
            return card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException | IllegalArgumentException | IllegalStateException e) {
            throw new ApduTransportException(e.getMessage(), e);
        }
    }

    private void disconnect() {
        if (card != null) {
            try {
                card.disconnect(false);
            } catch (CardException | IllegalStateException e) {
                // the chip is gone already
            }
            card = null;
        }
    }
}
