package org.eticket.chip.record;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eticket.chip.record.RecordFormatException.Reason;

/**
 * Reads the elements of one TLV container strictly in the order the format fixes: a missing,
 * extra, re-ordered or over-long element, a non-minimal length or bytes past the end are each
 * refused with a reason, and no length is trusted beyond the bytes actually present.
 */
final class TlvReader {

    private final byte[] buf;
    private final int end;
    private int pos;

    TlvReader(byte[] buf, int start, int end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** Reads the header of the next element, which must carry {@code tag}; returns the value length. */
    private int header(int tag, String field) throws RecordFormatException {
        if (pos >= end) {
            throw new RecordFormatException(Reason.TRUNCATED, field + " missing");
        }
        int actual = buf[pos] & 0xFF;
        if (actual != tag) {
            throw new RecordFormatException(Reason.UNEXPECTED_TAG,
                    String.format("%s expected tag %02X, found %02X", field, tag, actual));
        }
        pos++;
        if (pos >= end) {
            throw new RecordFormatException(Reason.TRUNCATED, field + " length missing");
        }
        int first = buf[pos++] & 0xFF;
        int length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x81) {
            length = readBytes(1, field);
            if (length < 0x80) {
                throw new RecordFormatException(Reason.BAD_LENGTH, field + " length not in shortest form");
            }
        } else if (first == 0x82) {
            length = readBytes(2, field);
            if (length <= 0xFF) {
                throw new RecordFormatException(Reason.BAD_LENGTH, field + " length not in shortest form");
            }
        } else {
            throw new RecordFormatException(Reason.BAD_LENGTH, String.format("%s length byte %02X", field, first));
        }
        if (length > end - pos) {
            throw new RecordFormatException(Reason.TRUNCATED, field + " runs past its container");
        }
        return length;
    }

    private int readBytes(int count, String field) throws RecordFormatException {
        if (end - pos < count) {
            throw new RecordFormatException(Reason.TRUNCATED, field + " length truncated");
        }
        int v = 0;
        for (int i = 0; i < count; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    byte[] value(int tag, String field, int min, int max) throws RecordFormatException {
        int length = header(tag, field);
        if (length < min || length > max) {
            throw new RecordFormatException(Reason.BAD_LENGTH,
                    field + " has " + length + " bytes, allowed " + min + " to " + max);
        }
        byte[] v = Arrays.copyOfRange(buf, pos, pos + length);
        pos += length;
        return v;
    }

    String text(int tag, String field, int min, int max) throws RecordFormatException {
        byte[] v = value(tag, field, min, max);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(v)).toString();
        } catch (CharacterCodingException e) {
            throw new RecordFormatException(Reason.BAD_VALUE, field + " is not UTF-8");
        }
    }

    TlvReader nested(int tag, String field) throws RecordFormatException {
        int length = header(tag, field);
        TlvReader inner = new TlvReader(buf, pos, pos + length);
        pos += length;
        return inner;
    }

    void end(String container) throws RecordFormatException {
        if (pos != end) {
            throw new RecordFormatException(Reason.TRAILING_BYTES, (end - pos) + " unexpected bytes after " + container);
        }
    }
}
