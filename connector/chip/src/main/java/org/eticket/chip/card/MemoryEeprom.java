package org.eticket.chip.card;

import java.util.Arrays;
import java.util.Objects;

/**
 * EEPROM in memory, for tests and in-process chips. Its test hook cuts the power after a chosen
 * number of byte writes, so a test can interrupt a commit at every offset.
 */
public final class MemoryEeprom implements Eeprom {

    private final byte[] cells;
    private long bytesWritten;
    private long writesBeforePowerLoss = -1;

    public MemoryEeprom(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("EEPROM size must be positive");
        }
        this.cells = new byte[size];
    }

    /** An EEPROM holding {@code image}, e.g. one taken with {@link #image()} to replay a command from the same start. */
    public static MemoryEeprom copyOf(byte[] image) {
        MemoryEeprom eeprom = new MemoryEeprom(image.length);
        System.arraycopy(image, 0, eeprom.cells, 0, image.length);
        return eeprom;
    }

    /** The next {@code bytes} byte writes succeed; the one after throws {@link PowerLossException}. */
    public void cutPowerAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count");
        }
        writesBeforePowerLoss = bytes;
    }

    public void restorePower() {
        writesBeforePowerLoss = -1;
    }

    /** Bytes written since creation; the difference around a command is that command's commit length. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** A copy of every cell, to compare the chip before and after a command. */
    public byte[] image() {
        return cells.clone();
    }

    @Override
    public int size() {
        return cells.length;
    }

    @Override
    public byte[] read(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, cells.length);
        return Arrays.copyOfRange(cells, offset, offset + length);
    }

    @Override
    public void write(int offset, byte[] data) {
        Objects.checkFromIndexSize(offset, data.length, cells.length);
        for (int i = 0; i < data.length; i++) {
            if (writesBeforePowerLoss == 0) {
                throw new PowerLossException(bytesWritten);
            }
            cells[offset + i] = data[i];
            bytesWritten++;
            if (writesBeforePowerLoss > 0) {
                writesBeforePowerLoss--;
            }
        }
    }

    @Override
    public void sync() {
        // Memory is as durable as this EEPROM gets; the shadow-slot commit already made it atomic.
    }
}
