package org.eticket.chip.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one-byte tags with BER definite lengths in their shortest form (the only form the reader accepts). */
final class TlvWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    TlvWriter bytes(int tag, byte[] value) {
        header(out, tag, value.length);
        out.writeBytes(value);
        return this;
    }

    TlvWriter text(int tag, String value) {
        return bytes(tag, value.getBytes(StandardCharsets.UTF_8));
    }

    TlvWriter nested(int tag, TlvWriter content) {
        return bytes(tag, content.toByteArray());
    }

    TlvWriter raw(byte[] encoded) {
        out.writeBytes(encoded);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    static byte[] header(int tag, int length) {
        ByteArrayOutputStream h = new ByteArrayOutputStream(4);
        header(h, tag, length);
        return h.toByteArray();
    }

    /** Size of a whole element with {@code length} value bytes. */
    static int elementSize(int length) {
        return 1 + (length < 0x80 ? 1 : length <= 0xFF ? 2 : 3) + length;
    }

    private static void header(ByteArrayOutputStream out, int tag, int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("TLV value longer than 65535 bytes");
        }
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        }
    }
}
