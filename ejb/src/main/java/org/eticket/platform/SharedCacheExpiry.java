package org.eticket.platform;

import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.invalidation.TimeToLiveCacheInvalidationPolicy;
import org.eclipse.persistence.sessions.Session;

/**
 * Bounds how long a change made on another instance can look stale here. Several instances
 * share one database and EclipseLink's shared cache is per instance, with no coordination
 * between them: without a bound, an organizer's change of a performance or of its sales terms
 * made on instance A would never be seen by instance B's cached copy. So every entity kept in
 * the shared cache (the catalogue, sellers, customers, orders, accounts) is read again from the
 * database once its cached copy is older than {@code eticket.cache.expiry-ms} (10 s). Seats,
 * chips, keys, users and terminals are never cached ({@code @Cacheable(false)}), and every
 * write is guarded by a version or a conditional UPDATE, so a stale copy can show old data for
 * that long but never decide a sale, an issue or an admission.
 */
public class SharedCacheExpiry implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(SharedCacheExpiry.class.getName());

    @Override
    public void customize(Session session) {
        long millis = ConfigProvider.getConfig().getOptionalValue("eticket.cache.expiry-ms", Long.class).orElse(10_000L);
        if (millis <= 0) {
            throw new IllegalArgumentException("eticket.cache.expiry-ms must be positive, was " + millis);
        }
        int bounded = 0;
        for (ClassDescriptor d : session.getDescriptors().values()) {
            if (!d.isAggregateDescriptor() && d.getCachePolicy().isSharedIsolation()) {
                d.setCacheInvalidationPolicy(new TimeToLiveCacheInvalidationPolicy(millis));
                bounded++;
            }
        }
        LOG.info("shared cache: " + bounded + " entities re-read from the database after " + millis + " ms");
    }
}
