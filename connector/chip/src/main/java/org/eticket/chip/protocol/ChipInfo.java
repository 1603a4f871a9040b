package org.eticket.chip.protocol;

import java.util.Arrays;
import java.util.Optional;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipMacs;

/**
 * What SELECT tells about a chip: its UID, the master-key version its keys derive from, and its
 * write counter, so the center can MAC the next WRITE or NULLIFY with counter + 1.
 * On the wire it is the FCI {@code 6F 1E 84 08 <AID> A5 12 C0 07 <UID> C1 01 <version> C2 04 <counter>}.
 */
public record ChipInfo(ChipUid uid, int keyVersion, long writeCounter) {

    private static final int FCI_LENGTH = 32;

    public byte[] toFci() {
        byte[] fci = new byte[FCI_LENGTH];
        byte[] prefix = {0x6F, 0x1E, (byte) 0x84, 0x08};
        System.arraycopy(prefix, 0, fci, 0, 4);
        System.arraycopy(TicketApplication.aid(), 0, fci, 4, 8);
        byte[] proprietary = {(byte) 0xA5, 0x12, (byte) 0xC0, 0x07};
        System.arraycopy(proprietary, 0, fci, 12, 4);
        System.arraycopy(uid.bytes(), 0, fci, 16, ChipUid.LENGTH);
        fci[23] = (byte) 0xC1;
        fci[24] = 0x01;
        fci[25] = (byte) keyVersion;
        fci[26] = (byte) 0xC2;
        fci[27] = 0x04;
        System.arraycopy(ChipMacs.counterBytes(writeCounter), 0, fci, 28, 4);
        return fci;
    }

    /** Reads the FCI layout above; empty when the answer has any other shape. */
    public static Optional<ChipInfo> fromFci(byte[] fci) {
        if (fci.length != FCI_LENGTH) {
            return Optional.empty();
        }
        byte[] expected = new ChipInfo(ChipUid.of(Arrays.copyOfRange(fci, 16, 23)), fci[25] & 0xFF, 0).toFci();
        for (int i = 0; i < 28; i++) {
            if (i != 25 && fci[i] != expected[i]) {
                return Optional.empty();
            }
        }
        long counter = ((fci[28] & 0xFFL) << 24) | ((fci[29] & 0xFF) << 16) | ((fci[30] & 0xFF) << 8) | (fci[31] & 0xFF);
        return Optional.of(new ChipInfo(ChipUid.of(Arrays.copyOfRange(fci, 16, 23)), fci[25] & 0xFF, counter));
    }
}
