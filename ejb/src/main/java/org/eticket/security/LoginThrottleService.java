package org.eticket.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles repeated failed logins per account: after {@code eticket.login.max-failures}
 * consecutive failures the account is locked for {@code eticket.login.lock-seconds},
 * doubling with each further failure up to 15 minutes. A success clears the count.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW) // a refused login must still record its failure
public class LoginThrottleService {

    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "eticket.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "eticket.login.lock-seconds", defaultValue = "30")
    int lockSeconds;

    Clock clock = Clock.systemUTC();

    /** When the account is locked, until when. */
    public Optional<Instant> lockedUntil(String username) {
        LoginThrottle t = em.find(LoginThrottle.class, key(username));
        Instant now = clock.instant();
        if (t == null || t.getLockedUntil() == null || !t.getLockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(t.getLockedUntil());
    }

    public void failed(String username) {
        String key = key(username);
        LoginThrottle t = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            t = new LoginThrottle(key);
            em.persist(t);
        }
        int failuresAfter = t.getFailures() + 1;
        Instant lock = null;
        if (failuresAfter >= maxFailures) {
            long factor = 1L << Math.min(20, failuresAfter - maxFailures);
            Duration d = Duration.ofSeconds(lockSeconds).multipliedBy(factor);
            lock = clock.instant().plus(d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d);
        }
        t.failed(lock);
    }

    public void succeeded(String username) {
        LoginThrottle t = em.find(LoginThrottle.class, key(username));
        if (t != null) {
            em.remove(t);
        }
    }

    private static String key(String username) {
        String u = username == null ? "" : username.strip();
        return u.length() > 64 ? u.substring(0, 64) : u;
    }
}
