package org.eticket.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.eticket.keys.StoredKey.Purpose;

/** Seals key material into a {@link StoredKey} row and opens it again, with clear failures and no key bytes in them. */
final class KeySealing {

    private final KeyEncryptionKey kek;
    private final SecureRandom random;

    KeySealing(KeyEncryptionKey kek, SecureRandom random) {
        this.kek = Objects.requireNonNull(kek, "kek");
        this.random = Objects.requireNonNull(random, "random");
    }

    StoredKey seal(Purpose purpose, String scope, int generation, String keyId, byte[] material, Instant now) {
        byte[] sealed = kek.seal(material, context(purpose, scope, generation, keyId), random);
        return new StoredKey(purpose, scope, generation, keyId, kek.id(), sealed, now);
    }

    byte[] open(StoredKey stored) {
        if (!kek.id().equals(stored.getKekId())) {
            throw new KeyServerException(stored + " was sealed under key-encryption key " + stored.getKekId()
                    + " but this instance's KEK file holds key " + kek.id()
                    + ": every instance sharing a database must use the same KEK file (eticket.keys.kek-file)");
        }
        try {
            return kek.open(stored.getSealedKey(),
                    context(stored.getPurpose(), stored.getScope(), stored.getGeneration(), stored.getKeyId()));
        } catch (AEADBadTagException e) {
            throw new KeyServerException(stored + " does not open under key-encryption key " + kek.id()
                    + ": the stored row was altered");
        }
    }

    /** Associated data: a sealed key opens only in the row it was written for. */
    private static byte[] context(Purpose purpose, String scope, int generation, String keyId) {
        return ("eticket/stored-key/v1|" + purpose + "|" + scope + "|" + generation + "|" + keyId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
