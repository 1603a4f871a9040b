package org.eticket.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this instance finds its key-encryption key: {@code eticket.keys.kek-file}, by default
 * {@code eticket.kek} beside the Derby database directory ({@code eticket.db}'s parent). Read once
 * per instance; the KEK is configuration, like a password file, not shared state.
 */
@ApplicationScoped
public class KeyEncryptionKeyFile {

    private static final Logger LOG = Logger.getLogger(KeyEncryptionKeyFile.class.getName());
    static final String DEFAULT_NAME = "eticket.kek";

    @Inject
    @ConfigProperty(name = "eticket.keys.kek-file")
    Optional<String> configured;

    private volatile KeyEncryptionKey kek;

    KeyEncryptionKey get() {
        KeyEncryptionKey k = kek;
        if (k == null) {
            synchronized (this) {
                k = kek;
                if (k == null) {
                    Path file = path();
                    k = KeyEncryptionKey.loadOrCreate(file, new SecureRandom());
                    LOG.info("Key-encryption key " + k.id() + " from " + file);
                    kek = k;
                }
            }
        }
        return k;
    }

    /** A 32-byte key derived from this instance's KEK for {@code purpose}; see {@link KeyEncryptionKey#derive}. */
    public byte[] derivedKey(String purpose) {
        return get().derive(purpose, 32);
    }

    Path path() {
        return resolve(configured.orElse(null), System.getProperty("eticket.db"));
    }

    static Path resolve(String configuredFile, String database) {
        if (configuredFile != null && !configuredFile.isBlank()) {
            return Path.of(configuredFile.strip()).toAbsolutePath();
        }
        if (database == null || database.isBlank()) {
            throw new KeyServerException("no key-encryption key file: set eticket.keys.kek-file (or eticket.db, beside which it is kept)");
        }
        Path db = Path.of(database.strip()).toAbsolutePath();
        Path parent = db.getParent() == null ? db : db.getParent();
        return parent.resolve(DEFAULT_NAME);
    }
}
