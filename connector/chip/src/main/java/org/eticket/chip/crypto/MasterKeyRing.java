package org.eticket.chip.crypto;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eticket.chip.ChipUid;

/**
 * The platform's master keys by version. Rotation makes a new version current for chips
 * personalized from now on; chips already in customers' hands keep their version, so the older
 * master keys stay in the ring to derive their keys.
 */
public final class MasterKeyRing {

    private final MasterKey current;
    private final Map<Integer, MasterKey> byVersion;

    private MasterKeyRing(MasterKey current, Map<Integer, MasterKey> byVersion) {
        this.current = current;
        this.byVersion = Collections.unmodifiableMap(byVersion);
    }

    public static MasterKeyRing of(MasterKey current) {
        Map<Integer, MasterKey> keys = new TreeMap<>();
        keys.put(current.version(), current);
        return new MasterKeyRing(current, keys);
    }

    /** A ring whose current key is {@code next}; the previous keys stay for chips personalized earlier. */
    public MasterKeyRing rotate(MasterKey next) {
        if (byVersion.containsKey(next.version())) {
            throw new IllegalArgumentException("master key version " + next.version() + " already used");
        }
        Map<Integer, MasterKey> keys = new TreeMap<>(byVersion);
        keys.put(next.version(), next);
        return new MasterKeyRing(next, keys);
    }

    /** The key for personalizing new chips. */
    public MasterKey current() {
        return current;
    }

    public Optional<MasterKey> version(int version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** The keys of a chip personalized under {@code keyVersion} (from its SELECT answer). */
    public Optional<ChipKeys> chipKeys(int keyVersion, ChipUid uid) {
        return version(keyVersion).map(master -> master.chipKeys(uid));
    }
}
