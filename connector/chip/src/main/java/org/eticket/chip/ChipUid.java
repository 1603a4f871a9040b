package org.eticket.chip;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The 7-byte unique ID of an information storage chip (an ISO/IEC 14443 double-size UID).
 * Tickets are bound to it (Fig 42; 000 cl. 16-17) and the chip's keys are diversified from it.
 */
public final class ChipUid {

    public static final int LENGTH = 7;

    private final byte[] bytes;

    private ChipUid(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ChipUid of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a chip UID has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new ChipUid(bytes.clone());
    }

    /** Parses 14 hex digits, as {@link #toString()} prints them. */
    public static ChipUid parse(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a chip UID is " + 2 * LENGTH + " hex digits: " + hex);
        }
        return new ChipUid(HexFormat.of().parseHex(hex));
    }

    /** A fresh UID for an emulated chip; uniqueness is the issuer's register's job (ChipDirectory, the center). */
    public static ChipUid random(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new ChipUid(b);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipUid other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
