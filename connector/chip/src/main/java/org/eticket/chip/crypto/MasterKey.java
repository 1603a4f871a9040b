package org.eticket.chip.crypto;

import java.security.SecureRandom;
import java.util.Objects;

import org.eticket.chip.ChipUid;

/** A platform AES-128 master key with its version (1-255); chips carry the version they were personalized with. */
public final class MasterKey {

    private final int version;
    private final byte[] key;

    private MasterKey(int version, byte[] key) {
        this.version = version;
        this.key = key;
    }

    public static MasterKey of(int version, byte[] key) {
        requireVersion(version);
        Objects.requireNonNull(key, "key");
        if (key.length != KeyDiversification.KEY_LENGTH) {
            throw new IllegalArgumentException("a master key is an AES-128 key");
        }
        return new MasterKey(version, key.clone());
    }

    public static MasterKey generate(int version, SecureRandom random) {
        byte[] key = new byte[KeyDiversification.KEY_LENGTH];
        random.nextBytes(key);
        return of(version, key);
    }

    public int version() {
        return version;
    }

    public byte[] key() {
        return key.clone();
    }

    public ChipKeys chipKeys(ChipUid uid) {
        return ChipKeys.derive(this, uid);
    }

    @Override
    public String toString() {
        return "MasterKey[version " + version + "]";
    }

    static void requireVersion(int version) {
        if (version < 1 || version > 0xFF) {
            throw new IllegalArgumentException("key version is 1 to 255: " + version);
        }
    }
}
