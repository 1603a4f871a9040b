package org.eticket.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eticket.catalog.Event;
import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.EventKeyRing;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.KeyId;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.crypto.MasterKeyRing;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.keys.StoredKey.Purpose;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * The key server. Master keys (by version 1-255) and event keys (by generation) live sealed in
 * {@link StoredKey} rows; per-chip keys are derived on demand from the master key and the UID and
 * never stored. Rotation adds a generation: the new key signs and personalizes from then on, the
 * older ones stay, so chips and tickets issued earlier still authenticate and verify. A concurrent
 * rotation on another instance collides on the (purpose, scope, generation) key and is refused.
 *
 * <p>The methods without {@code @RolesAllowed} hand out key material and are for the center's own
 * services (issuance, personalization); no resource exposes them.
 */
@Stateless
public class KeyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyEncryptionKeyFile kekFile;

    @EJB
    AccessService access;

    /** Every master key; creates version 1 when the platform has none yet (first start). */
    public MasterKeyRing masterKeyRing() {
        List<StoredKey> rows = rows(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE);
        if (rows.isEmpty()) {
            rows = List.of(storeMaster(1));
        }
        return KeyRings.master(rows, sealing());
    }

    /** The public fingerprint of this instance's key-encryption key. */
    public String kekId() {
        return kekFile.get().id();
    }

    /** The keys of chip {@code uid} personalized under master key {@code version}. */
    public ChipKeys chipKeys(int version, ChipUid uid) {
        return masterKeyRing().chipKeys(version, uid)
                .orElseThrow(() -> new NotFoundException("master key version " + version + " is not known to the key server"));
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public KeyInfo rotateMasterKey() {
        List<StoredKey> rows = rows(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE);
        int next = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).getGeneration() + 1;
        if (next > 0xFF) {
            throw new ConflictException("all 255 master key versions are used");
        }
        return info(storeMaster(next), true);
    }

    /** The event's current signing and personal-data keys; generation 1 is made on first use. */
    public EventKeys eventKeys(Event event) {
        String scope = StoredKey.eventScope(event.getId());
        List<StoredKey> signing = rows(Purpose.EVENT_SIGNING, scope);
        if (signing.isEmpty()) {
            // Two first issuances of one event on two instances: the event row lock lets one create.
            em.find(Event.class, event.getId(), LockModeType.PESSIMISTIC_WRITE);
            signing = rows(Purpose.EVENT_SIGNING, scope);
            if (signing.isEmpty()) {
                return storeEventKeys(scope, 1);
            }
        }
        StoredKey currentSigning = signing.get(signing.size() - 1);
        StoredKey currentPersonal = row(Purpose.EVENT_PERSONAL_DATA, scope, currentSigning.getGeneration());
        return KeyRings.current(currentSigning, currentPersonal, sealing());
    }

    /** Every generation of the event's keys: what verifies and opens its tickets issued before and after rotations. */
    public EventKeyRing eventKeyRing(Event event) {
        String scope = StoredKey.eventScope(event.getId());
        List<StoredKey> rows = new ArrayList<>(rows(Purpose.EVENT_SIGNING, scope));
        rows.addAll(rows(Purpose.EVENT_PERSONAL_DATA, scope));
        return KeyRings.event(rows, sealing());
    }

    /** The ring of the event whose signing key has ID {@code signingKeyId}; empty when no event has it. */
    public EventKeyRing eventKeyRingOf(KeyId signingKeyId) {
        List<String> scopes = em.createQuery("select k.scope from StoredKey k where k.purpose = :p and k.keyId = :id", String.class)
                .setParameter("p", Purpose.EVENT_SIGNING).setParameter("id", signingKeyId.toString()).getResultList();
        if (scopes.isEmpty()) {
            return EventKeyRing.empty();
        }
        List<StoredKey> rows = new ArrayList<>(rows(Purpose.EVENT_SIGNING, scopes.get(0)));
        rows.addAll(rows(Purpose.EVENT_PERSONAL_DATA, scopes.get(0)));
        return KeyRings.event(rows, sealing());
    }

    /** New signing and personal-data keys for the event; tickets already issued keep verifying under the old ones. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public KeyInfo rotateEventKeys(Long eventId) {
        Event event = eventId == null ? null : em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new NotFoundException("event " + eventId + " does not exist");
        }
        access.checkEvent(event);
        String scope = StoredKey.eventScope(event.getId());
        List<StoredKey> signing = rows(Purpose.EVENT_SIGNING, scope);
        int next = signing.isEmpty() ? 1 : signing.get(signing.size() - 1).getGeneration() + 1;
        storeEventKeys(scope, next);
        return info(row(Purpose.EVENT_SIGNING, scope, next), true);
    }

    /** Public facts about the platform's master keys, or an event's keys: no key material. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.ORGANIZER})
    public List<KeyInfo> list(Long eventId) {
        List<StoredKey> rows;
        if (eventId == null) {
            if (!access.caller().isAdmin()) {
                throw new AccessDeniedException("only the platform admin sees the master keys");
            }
            rows = rows(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE);
        } else {
            Event event = em.find(Event.class, eventId);
            if (event == null) {
                throw new NotFoundException("event " + eventId + " does not exist");
            }
            access.checkEvent(event);
            String scope = StoredKey.eventScope(eventId);
            rows = new ArrayList<>(rows(Purpose.EVENT_SIGNING, scope));
            rows.addAll(rows(Purpose.EVENT_PERSONAL_DATA, scope));
        }
        Map<Purpose, Integer> newest = new TreeMap<>();
        rows.forEach(r -> newest.merge(r.getPurpose(), r.getGeneration(), Math::max));
        return rows.stream().map(r -> info(r, newest.get(r.getPurpose()) == r.getGeneration())).toList();
    }

    private StoredKey storeMaster(int version) {
        MasterKey key = MasterKey.generate(version, RANDOM);
        byte[] material = key.key();
        try {
            StoredKey row = sealing().seal(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE, version,
                    Integer.toString(version), material, Instant.now());
            em.persist(row);
            em.flush();
            return row;
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private EventKeys storeEventKeys(String scope, int generation) {
        EventSigningKey signing = EventSigningKey.generate(RANDOM);
        PersonalDataKey personal = PersonalDataKey.generate(RANDOM);
        KeySealing sealing = sealing();
        Instant now = Instant.now();
        byte[] privateKey = signing.privateKey();
        byte[] secret = personal.secret();
        try {
            em.persist(sealing.seal(Purpose.EVENT_SIGNING, scope, generation, signing.id().toString(), privateKey, now));
            em.persist(sealing.seal(Purpose.EVENT_PERSONAL_DATA, scope, generation, personal.id().toString(), secret, now));
            em.flush();
        } finally {
            Arrays.fill(privateKey, (byte) 0);
            Arrays.fill(secret, (byte) 0);
        }
        return new EventKeys(generation, signing, personal);
    }

    private List<StoredKey> rows(Purpose purpose, String scope) {
        return em.createQuery("select k from StoredKey k where k.purpose = :p and k.scope = :s order by k.generation", StoredKey.class)
                .setParameter("p", purpose).setParameter("s", scope).getResultList();
    }

    private StoredKey row(Purpose purpose, String scope, int generation) {
        return em.createQuery("select k from StoredKey k where k.purpose = :p and k.scope = :s and k.generation = :g", StoredKey.class)
                .setParameter("p", purpose).setParameter("s", scope).setParameter("g", generation)
                .getResultStream().findFirst()
                .orElseThrow(() -> new KeyServerException("key store incomplete: no " + purpose + " generation " + generation + " for " + scope));
    }

    private KeySealing sealing() {
        return new KeySealing(kekFile.get(), RANDOM);
    }

    private static KeyInfo info(StoredKey row, boolean current) {
        return new KeyInfo(row.getPurpose(), row.getScope(), row.getGeneration(), row.getKeyId(), row.getCreatedAt(), current);
    }

}
