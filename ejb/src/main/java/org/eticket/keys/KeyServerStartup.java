package org.eticket.keys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On start: reads (or on the very first start creates) the key-encryption key file and the first
 * master key, and opens every master key once, so a KEK file that does not match the database is
 * reported at once rather than at the first issuance.
 */
@Singleton
@Startup
public class KeyServerStartup {

    private static final Logger LOG = Logger.getLogger(KeyServerStartup.class.getName());

    @EJB
    KeyService keys;

    @PostConstruct
    void start() {
        try {
            LOG.info("Key server ready: master key version " + keys.masterKeyRing().current().version() + " current");
        } catch (RuntimeException e) {
            // Another instance may have created master key 1 at the same moment (its row wins);
            // any other cause (wrong or unreadable KEK file) is named in the message, never a key.
            LOG.log(Level.SEVERE, "Key server not ready: " + e.getMessage());
        }
    }
}
