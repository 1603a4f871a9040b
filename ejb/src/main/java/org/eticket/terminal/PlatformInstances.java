package org.eticket.terminal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** The instance directory in the shared database: where each instance accepts relayed terminal requests. */
@Stateless
@PermitAll
public class PlatformInstances {

    @PersistenceContext
    EntityManager em;

    /** Records (or refreshes) this instance's row, in a transaction of its own so a failure touches nothing else. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String instanceId, String url, Instant startedAt) {
        PlatformInstance row = em.createNamedQuery("PlatformInstance.byInstanceId", PlatformInstance.class)
                .setParameter("instanceId", instanceId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    PlatformInstance created = new PlatformInstance(instanceId);
                    em.persist(created);
                    return created;
                });
        row.seen(url, startedAt, Instant.now());
    }

    /** The instance's row as the database holds it now: another instance wrote it, so this instance's cache may be old. */
    public Optional<PlatformInstance> find(String instanceId) {
        return em.createNamedQuery("PlatformInstance.byInstanceId", PlatformInstance.class)
                .setParameter("instanceId", instanceId)
                .setHint("eclipselink.refresh", "true")
                .getResultStream().findFirst();
    }
}
