package org.eticket.chip.crypto;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event keys a verifier knows, by key ID: a gate's ring holds the public keys and personal-data
 * secrets of the events installed on it (C27); the center's ring also holds private keys. Keys are
 * only ever added, so a ticket issued before a rotation still verifies and decrypts.
 */
public final class EventKeyRing {

    private static final EventKeyRing EMPTY = new EventKeyRing(Map.of(), Map.of());

    private final Map<KeyId, EventSigningKey> signingKeys;
    private final Map<KeyId, PersonalDataKey> personalDataKeys;

    private EventKeyRing(Map<KeyId, EventSigningKey> signingKeys, Map<KeyId, PersonalDataKey> personalDataKeys) {
        this.signingKeys = Collections.unmodifiableMap(signingKeys);
        this.personalDataKeys = Collections.unmodifiableMap(personalDataKeys);
    }

    public static EventKeyRing empty() {
        return EMPTY;
    }

    public static EventKeyRing of(Collection<EventSigningKey> signingKeys, Collection<PersonalDataKey> personalDataKeys) {
        EventKeyRing ring = EMPTY;
        for (EventSigningKey key : signingKeys) {
            ring = ring.with(key);
        }
        for (PersonalDataKey key : personalDataKeys) {
            ring = ring.with(key);
        }
        return ring;
    }

    public EventKeyRing with(EventSigningKey key) {
        Map<KeyId, EventSigningKey> keys = new LinkedHashMap<>(signingKeys);
        keys.put(key.id(), key);
        return new EventKeyRing(keys, new LinkedHashMap<>(personalDataKeys));
    }

    public EventKeyRing with(PersonalDataKey key) {
        Map<KeyId, PersonalDataKey> keys = new LinkedHashMap<>(personalDataKeys);
        keys.put(key.id(), key);
        return new EventKeyRing(new LinkedHashMap<>(signingKeys), keys);
    }

    public Optional<EventSigningKey> signingKey(KeyId id) {
        return Optional.ofNullable(signingKeys.get(id));
    }

    public Optional<PersonalDataKey> personalDataKey(KeyId id) {
        return Optional.ofNullable(personalDataKeys.get(id));
    }

    public List<EventSigningKey> signingKeys() {
        return List.copyOf(signingKeys.values());
    }

    public List<PersonalDataKey> personalDataKeys() {
        return List.copyOf(personalDataKeys.values());
    }

    /** What a gate terminal receives: the same ring without any private signing key. */
    public EventKeyRing verificationOnly() {
        Map<KeyId, EventSigningKey> keys = new LinkedHashMap<>();
        signingKeys.forEach((id, key) -> keys.put(id, key.verificationOnly()));
        return new EventKeyRing(keys, new LinkedHashMap<>(personalDataKeys));
    }
}
