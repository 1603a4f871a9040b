package org.eticket.chip.apdu;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A command APDU (ISO/IEC 7816-4 §5.1): header CLA INS P1 P2, optional command data (Nc bytes)
 * and optional expected response length Ne. Encoded in short form when Nc ≤ 255 and Ne ≤ 256,
 * otherwise in extended form; parsing accepts both and rejects any other length layout.
 */
public final class CommandApdu {

    public static final int MAX_SHORT_NC = 255;
    public static final int MAX_SHORT_NE = 256;
    public static final int MAX_NC = 65_535;
    public static final int MAX_NE = 65_536;

    private final int cla;
    private final int ins;
    private final int p1;
    private final int p2;
    private final byte[] data;
    private final int ne;

    /** A command with data and an expected response length; ne 0 means no Le field. */
    public CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        this.cla = requireByte(cla, "CLA");
        this.ins = requireByte(ins, "INS");
        this.p1 = requireByte(p1, "P1");
        this.p2 = requireByte(p2, "P2");
        Objects.requireNonNull(data, "data");
        if (data.length > MAX_NC) {
            throw new IllegalArgumentException("command data longer than " + MAX_NC + " bytes");
        }
        if (ne < 0 || ne > MAX_NE) {
            throw new IllegalArgumentException("Ne out of range: " + ne);
        }
        this.data = data.clone();
        this.ne = ne;
    }

    public CommandApdu(int cla, int ins, int p1, int p2, int ne) {
        this(cla, ins, p1, p2, new byte[0], ne);
    }

    /** Parses the seven cases of ISO/IEC 7816-4 §5.1 (1, 2S, 3S, 4S, 2E, 3E, 4E). */
    public static CommandApdu parse(byte[] apdu) throws ApduFormatException {
        if (apdu == null || apdu.length < 4) {
            throw new ApduFormatException("an APDU has at least the 4 header bytes");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        int n = apdu.length;
        if (n == 4) {
            return new CommandApdu(cla, ins, p1, p2, 0);
        }
        int b1 = apdu[4] & 0xFF;
        if (n == 5) {
            return new CommandApdu(cla, ins, p1, p2, b1 == 0 ? MAX_SHORT_NE : b1);
        }
        if (b1 != 0) {
            if (n == 5 + b1) {
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, n), 0);
            }
            if (n == 6 + b1) {
                int le = apdu[n - 1] & 0xFF;
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, n - 1),
                        le == 0 ? MAX_SHORT_NE : le);
            }
            throw new ApduFormatException("short Lc " + b1 + " does not match the APDU length " + n);
        }
        if (n < 7) {
            throw new ApduFormatException("extended length field is truncated");
        }
        int b23 = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        if (n == 7) {
            return new CommandApdu(cla, ins, p1, p2, b23 == 0 ? MAX_NE : b23);
        }
        if (b23 == 0) {
            throw new ApduFormatException("extended Lc is zero but data follows");
        }
        if (n == 7 + b23) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, n), 0);
        }
        if (n == 9 + b23) {
            int le = ((apdu[n - 2] & 0xFF) << 8) | (apdu[n - 1] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, n - 2),
                    le == 0 ? MAX_NE : le);
        }
        throw new ApduFormatException("extended Lc " + b23 + " does not match the APDU length " + n);
    }

    public byte[] encode() {
        boolean extended = data.length > MAX_SHORT_NC || ne > MAX_SHORT_NE;
        int lcLength = data.length == 0 ? 0 : (extended ? 3 : 1);
        int leLength = ne == 0 ? 0 : (extended ? (data.length == 0 ? 3 : 2) : 1);
        byte[] out = new byte[4 + lcLength + data.length + leLength];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int i = 4;
        if (lcLength == 1) {
            out[i++] = (byte) data.length;
        } else if (lcLength == 3) {
            out[i++] = 0;
            out[i++] = (byte) (data.length >> 8);
            out[i++] = (byte) data.length;
        }
        System.arraycopy(data, 0, out, i, data.length);
        i += data.length;
        if (leLength == 1) {
            out[i] = (byte) ne; // 256 encodes as 00
        } else if (leLength > 1) {
            if (leLength == 3) {
                out[i++] = 0;
            }
            out[i++] = (byte) (ne >> 8); // 65536 encodes as 00 00
            out[i] = (byte) ne;
        }
        return out;
    }

    public int cla() {
        return cla;
    }

    public int ins() {
        return ins;
    }

    public int p1() {
        return p1;
    }

    public int p2() {
        return p2;
    }

    /** Nc, the number of command data bytes. */
    public int nc() {
        return data.length;
    }

    public byte[] data() {
        return data.clone();
    }

    /** Ne, the maximum number of response data bytes expected; 0 when the command has no Le field. */
    public int ne() {
        return ne;
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(encode());
    }

    private static int requireByte(int value, String name) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " is one byte: " + value);
        }
        return value;
    }
}
