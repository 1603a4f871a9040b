package org.eticket.chip.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * 8-byte identifier of an event key, the first bytes of a SHA-256 fingerprint. A record names the
 * keys it was signed and sealed with, so a verifier finds them in its ring after rotation; being a
 * fingerprint it needs no registry and differs between events.
 */
public record KeyId(long value) {

    public static final int LENGTH = 8;

    public static KeyId fromBytes(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return new KeyId(v);
    }

    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            b[i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
        return b;
    }

    static KeyId fingerprint(String domain, byte[] material) {
        SHA256Digest sha = new SHA256Digest();
        byte[] d = domain.getBytes(StandardCharsets.US_ASCII);
        sha.update(d, 0, d.length);
        sha.update(material, 0, material.length);
        byte[] hash = new byte[sha.getDigestSize()];
        sha.doFinal(hash, 0);
        return fromBytes(hash, 0);
    }

    @Override
    public String toString() {
        return String.format("%016X", value);
    }
}
