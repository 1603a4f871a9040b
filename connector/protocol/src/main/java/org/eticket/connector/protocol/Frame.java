package org.eticket.connector.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One protocol frame: {@code u32 length | u8 version | u8 type | payload}, where length
 * counts the version, type and payload bytes. Big-endian, as on the wire.
 */
public record Frame(int version, FrameType type, byte[] payload) {

    /** The protocol version this code speaks. */
    public static final int VERSION = 2;
    /** The oldest version still accepted (HELLO and PING only). */
    public static final int MIN_VERSION = 1;

    public Frame {
        payload = payload == null ? new byte[0] : payload.clone();
    }

    public static Frame of(FrameType type, String text) {
        return new Frame(VERSION, type, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Frame of(FrameType type) {
        return new Frame(VERSION, type, new byte[0]);
    }

    public static Frame of(FrameType type, byte[] payload) {
        return new Frame(VERSION, type, payload);
    }

    /** The same frame in another protocol version (the center answers in the terminal's version). */
    public Frame inVersion(int otherVersion) {
        return new Frame(otherVersion, type, payload);
    }

    /** The payload without copying, for the codec and the layout checks. */
    byte[] rawPayload() {
        return payload;
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.version == version && f.type == type && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Frame[v" + version + " " + type + " " + payload.length + " bytes]";
    }
}
