package org.eticket.chip.card;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipKeys;

/**
 * What a chip receives once, when it is issued: its UID, the issuer area (Fig 11), its diversified
 * keys and its memory size. Nothing of it changes afterwards.
 */
public record ChipPersonalization(ChipUid uid, String issuer, ChipKeys keys, int capacity) {

    public static final int DEFAULT_CAPACITY = 8 * 1024;
    public static final int MIN_CAPACITY = 512;
    public static final int MAX_CAPACITY = 1 << 20;
    public static final int MAX_ISSUER_LENGTH = 64;

    public ChipPersonalization {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(keys, "keys");
        int issuerLength = issuer.getBytes(StandardCharsets.UTF_8).length;
        if (issuerLength < 1 || issuerLength > MAX_ISSUER_LENGTH) {
            throw new IllegalArgumentException("issuer has 1 to " + MAX_ISSUER_LENGTH + " UTF-8 bytes");
        }
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity is " + MIN_CAPACITY + " to " + MAX_CAPACITY + " bytes");
        }
    }

    public static ChipPersonalization of(ChipUid uid, String issuer, ChipKeys keys) {
        return new ChipPersonalization(uid, issuer, keys, DEFAULT_CAPACITY);
    }
}
