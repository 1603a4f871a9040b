package org.eticket.connector.terminal;

import java.io.IOException;
import java.util.Optional;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.card.ChipEmulator;

/**
 * A chip emulator laid on the reader in-process, for demonstrations and tests without a
 * PC/SC stack. {@link #place} and {@link #remove} stand for the customer's hand.
 */
public final class EmulatedChipPort implements ChipPort {

    private ChipEmulator chip;

    public synchronized void place(ChipEmulator emulator) {
        chip = emulator;
        emulator.reset();
        notifyAll();
    }

    public synchronized void remove() {
        chip = null;
        notifyAll();
    }

    @Override
    public synchronized Optional<byte[]> awaitChip(long millis) throws IOException {
        long until = System.currentTimeMillis() + millis;
        while (chip == null) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return Optional.empty();
            }
            waitFor(left);
        }
        return Optional.of(chip.uid().bytes());
    }

    @Override
    public synchronized boolean awaitRemoval(long millis) throws IOException {
        long until = System.currentTimeMillis() + millis;
        while (chip != null) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            waitFor(left);
        }
        return true;
    }

    @Override
    public synchronized byte[] transmit(byte[] commandApdu) throws IOException {
        if (chip == null) {
            throw new IOException("no chip in the reader");
        }
        try {
            return chip.transmit(commandApdu);
        } catch (ApduTransportException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void waitFor(long millis) throws IOException {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
