package org.eticket.chip.apdu;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A response APDU: response data followed by the status word SW1 SW2. */
public final class ResponseApdu {

    private final byte[] data;
    private final int sw;

    public ResponseApdu(byte[] data, int sw) {
        Objects.requireNonNull(data, "data");
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("a status word is two bytes: " + sw);
        }
        this.data = data.clone();
        this.sw = sw;
    }

    public static ResponseApdu status(int sw) {
        return new ResponseApdu(new byte[0], sw);
    }

    public static ResponseApdu parse(byte[] response) throws ApduFormatException {
        if (response == null || response.length < 2) {
            throw new ApduFormatException("a response APDU ends with the two status bytes");
        }
        int n = response.length;
        return new ResponseApdu(Arrays.copyOf(response, n - 2),
                ((response[n - 2] & 0xFF) << 8) | (response[n - 1] & 0xFF));
    }

    public byte[] encode() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    public byte[] data() {
        return data.clone();
    }

    public int sw() {
        return sw;
    }

    public int sw1() {
        return sw >> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    public boolean isOk() {
        return sw == StatusWord.OK;
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(data) + " " + StatusWord.describe(sw);
    }
}
