package org.eticket.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the demo data at start-up when {@code eticket.demo.enabled} is true (the run command sets it). */
@Singleton
@Startup
public class DemoDataStartup {

    private static final Logger LOG = Logger.getLogger(DemoDataStartup.class.getName());

    @Inject
    @ConfigProperty(name = "eticket.demo.enabled", defaultValue = "false")
    boolean enabled;

    @EJB
    DemoData demoData;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        try {
            if (!demoData.loadOnce()) {
                LOG.info("Demo data already present");
            }
        } catch (RuntimeException e) {
            // Another instance sharing the database may have loaded it at the same moment.
            LOG.log(Level.WARNING, "Demo data not loaded here: " + e.getMessage(), e);
        }
    }
}
