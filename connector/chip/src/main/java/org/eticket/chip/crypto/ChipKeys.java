package org.eticket.chip.crypto;

import java.util.Objects;

import org.eticket.chip.ChipUid;

/**
 * One chip's own AES-128 keys: the write key that authorizes WRITE and NULLIFY (C19: "write
 * access only with the card's access key", 002 cl. 72) and the authentication key that proves the
 * chip genuine. Both are diversified from a platform master key and the UID, so the center holds
 * one master key per version instead of a key per chip, and no terminal ever holds either.
 */
public final class ChipKeys {

    /** ASCII "ETICKET": the system identifier of AN10922's diversification input. */
    private static final byte[] SYSTEM_IDENTIFIER = {'E', 'T', 'I', 'C', 'K', 'E', 'T'};
    private static final byte PURPOSE_WRITE = 0x01;
    private static final byte PURPOSE_AUTHENTICATION = 0x02;

    private final int keyVersion;
    private final byte[] writeKey;
    private final byte[] authenticationKey;

    private ChipKeys(int keyVersion, byte[] writeKey, byte[] authenticationKey) {
        this.keyVersion = keyVersion;
        this.writeKey = writeKey;
        this.authenticationKey = authenticationKey;
    }

    /** Derives the chip's keys: M = UID || purpose || "ETICKET" (AN10922 AES-128). */
    public static ChipKeys derive(MasterKey master, ChipUid uid) {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(uid, "uid");
        return new ChipKeys(master.version(),
                KeyDiversification.aes128(master.key(), input(uid, PURPOSE_WRITE)),
                KeyDiversification.aes128(master.key(), input(uid, PURPOSE_AUTHENTICATION)));
    }

    /** Keys as a chip stores them after personalization. */
    public static ChipKeys of(int keyVersion, byte[] writeKey, byte[] authenticationKey) {
        MasterKey.requireVersion(keyVersion);
        return new ChipKeys(keyVersion, requireKey(writeKey), requireKey(authenticationKey));
    }

    /** Version of the master key these keys come from; the chip reports it in its SELECT answer. */
    public int keyVersion() {
        return keyVersion;
    }

    public byte[] writeKey() {
        return writeKey.clone();
    }

    public byte[] authenticationKey() {
        return authenticationKey.clone();
    }

    @Override
    public String toString() {
        return "ChipKeys[version " + keyVersion + "]";
    }

    private static byte[] input(ChipUid uid, byte purpose) {
        byte[] m = new byte[ChipUid.LENGTH + 1 + SYSTEM_IDENTIFIER.length];
        System.arraycopy(uid.bytes(), 0, m, 0, ChipUid.LENGTH);
        m[ChipUid.LENGTH] = purpose;
        System.arraycopy(SYSTEM_IDENTIFIER, 0, m, ChipUid.LENGTH + 1, SYSTEM_IDENTIFIER.length);
        return m;
    }

    private static byte[] requireKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KeyDiversification.KEY_LENGTH) {
            throw new IllegalArgumentException("chip keys are AES-128 keys");
        }
        return key.clone();
    }
}
