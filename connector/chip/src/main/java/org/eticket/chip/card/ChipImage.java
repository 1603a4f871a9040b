package org.eticket.chip.card;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Two shadow slots in the EEPROM, as FeliCa and DESFire commit a transaction: a commit writes the
 * whole new state into the slot not in use and only then marks it committed, with a sequence
 * number above the other slot's. A power loss at any byte leaves the other slot as the newest
 * committed one, so the chip boots with the content it had before the command.
 *
 * <pre>slot = marker(1: A5 committed) sequence(4) length(4) state(length) crc32c(4)</pre>
 */
final class ChipImage {

    private static final int HEADER = 1 + 4 + 4;
    private static final int TRAILER = 4;
    private static final byte COMMITTED = (byte) 0xA5;

    record Slot(ChipState state, int index, long sequence) {
    }

    private ChipImage() {
    }

    static int eepromSize(int capacity) {
        return 2 * (HEADER + ChipState.SYSTEM_LENGTH + capacity + TRAILER);
    }

    /** The committed slot with the highest sequence number. */
    static Slot load(Eeprom eeprom) throws IOException {
        int slotSize = eeprom.size() / 2;
        if (eeprom.size() % 2 != 0 || slotSize < HEADER + ChipState.SYSTEM_LENGTH + TRAILER) {
            throw new IOException("EEPROM of " + eeprom.size() + " bytes holds no chip image");
        }
        Slot best = null;
        for (int index = 0; index < 2; index++) {
            Slot slot = read(eeprom, index, slotSize);
            if (slot != null && (best == null || slot.sequence() > best.sequence())) {
                best = slot;
            }
        }
        if (best == null) {
            throw new IOException("no committed chip image");
        }
        return best;
    }

    static void commit(Eeprom eeprom, int index, long sequence, byte[] state) {
        int slotSize = eeprom.size() / 2;
        if (HEADER + state.length + TRAILER > slotSize) {
            throw new IllegalStateException("chip state of " + state.length + " bytes exceeds its slot");
        }
        int offset = index * slotSize;
        ByteBuffer body = ByteBuffer.allocate(HEADER - 1 + state.length + TRAILER);
        body.putInt((int) sequence).putInt(state.length).put(state);
        CRC32C crc = new CRC32C();
        crc.update(body.array(), 0, body.position());
        body.putInt((int) crc.getValue());
        // Unmark first: a slot half overwritten must never look committed.
        eeprom.write(offset, new byte[] {0});
        eeprom.write(offset + 1, body.array());
        eeprom.write(offset, new byte[] {COMMITTED});
    }

    private static Slot read(Eeprom eeprom, int index, int slotSize) {
        int offset = index * slotSize;
        byte[] header = eeprom.read(offset, HEADER);
        ByteBuffer h = ByteBuffer.wrap(header);
        if (h.get() != COMMITTED) {
            return null;
        }
        long sequence = h.getInt() & 0xFFFF_FFFFL;
        int length = h.getInt();
        if (length < 0 || length > slotSize - HEADER - TRAILER) {
            return null;
        }
        byte[] rest = eeprom.read(offset + 1, HEADER - 1 + length + TRAILER);
        CRC32C crc = new CRC32C();
        crc.update(rest, 0, HEADER - 1 + length);
        if ((int) crc.getValue() != ByteBuffer.wrap(rest, HEADER - 1 + length, TRAILER).getInt()) {
            return null;
        }
        try {
            return new Slot(ChipState.decode(Arrays.copyOfRange(rest, HEADER - 1, HEADER - 1 + length)), index, sequence);
        } catch (IOException e) {
            return null;
        }
    }
}
