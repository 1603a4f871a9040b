package org.eticket.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.eticket.chip.crypto.EventKeyRing;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.crypto.MasterKeyRing;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.keys.StoredKey.Purpose;

/** Opens stored rows into the chip library's key rings: every generation, the highest one current. */
final class KeyRings {

    private KeyRings() {
    }

    static MasterKeyRing master(List<StoredKey> rows, KeySealing sealing) {
        MasterKeyRing ring = null;
        for (StoredKey row : sorted(rows, Purpose.PLATFORM_MASTER)) {
            MasterKey key = using(sealing.open(row), m -> MasterKey.of(row.getGeneration(), m));
            ring = ring == null ? MasterKeyRing.of(key) : ring.rotate(key);
        }
        if (ring == null) {
            throw new KeyServerException("no master key stored");
        }
        return ring;
    }

    static EventKeyRing event(List<StoredKey> rows, KeySealing sealing) {
        List<EventSigningKey> signing = new ArrayList<>();
        for (StoredKey row : sorted(rows, Purpose.EVENT_SIGNING)) {
            signing.add(using(sealing.open(row), EventSigningKey::fromPrivateKey));
        }
        List<PersonalDataKey> personal = new ArrayList<>();
        for (StoredKey row : sorted(rows, Purpose.EVENT_PERSONAL_DATA)) {
            personal.add(using(sealing.open(row), PersonalDataKey::fromSecret));
        }
        return EventKeyRing.of(signing, personal);
    }

    static EventKeys current(StoredKey signing, StoredKey personal, KeySealing sealing) {
        return new EventKeys(signing.getGeneration(),
                using(sealing.open(signing), EventSigningKey::fromPrivateKey),
                using(sealing.open(personal), PersonalDataKey::fromSecret));
    }

    private static List<StoredKey> sorted(List<StoredKey> rows, Purpose purpose) {
        return rows.stream().filter(r -> r.getPurpose() == purpose)
                .sorted(Comparator.comparingInt(StoredKey::getGeneration)).toList();
    }

    /** The key classes keep their own copy; the opened bytes are wiped at once. */
    private static <T> T using(byte[] material, Function<byte[], T> make) {
        try {
            return make.apply(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
