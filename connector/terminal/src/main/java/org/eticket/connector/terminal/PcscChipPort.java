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
    /** The UID of the chip {@link #card} is connected to, read once at connection; null if unreadable. */
    private byte[] uid;

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
                    connect();
                }
                if (uid == null) {
                    uid = ChipUids.read(this::exchange);
                }
                return Optional.of(uid.clone());
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
                connect();
            }
            return exchange(commandApdu);
        } catch (ApduTransportException | CardException e) {
            disconnect();
            throw new IOException("reader " + reader.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects and reads the chip's UID at once, before anyone's first command. The UID read ends
     * in a SELECT on cards the reader does not answer GET DATA for, and a SELECT drops the chip's
     * pending challenge; read later by the chip watcher, it could fall between the center's GET
     * CHALLENGE and INTERNAL AUTHENTICATE, and the genuine chip answered 6985.
     */
    private void connect() throws CardException {
        card = reader.connect("*");
        try {
            uid = ChipUids.read(this::exchange);
        } catch (IOException e) {
            uid = null; // not a platform chip, or not yet answering: the center's own SELECT will say so
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
        uid = null;
    }
}
