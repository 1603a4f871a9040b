package org.eticket.sales;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The notice queue: written in the purchase's transaction, taken by a sender with a
 * conditional UPDATE (so instances never send one notice twice at the same time), and
 * marked sent after the mail server accepted it. Senders take notices in batches: one
 * claim, one SMTP connection and one "sent" update for many notices.
 */
@Stateless
public class DownloadNotices {

    /** How long a sender owns a claimed notice before another may retry it. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<NoticeQueued> queued;

    @Inject
    @ConfigProperty(name = "eticket.portal.base-url", defaultValue = "http://localhost:8080/eticket")
    String portal;

    @Inject
    @ConfigProperty(name = "eticket.zone", defaultValue = "Asia/Tokyo")
    String zone;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public DownloadNotice queue(SalesOrder order) {
        String address = downloadAddress(order.getDownloadToken());
        ZoneId z = ZoneId.of(zone);
        boolean immediate = !order.getDownloadOpensAt().isAfter(order.getOrderedAt());
        String body = "Dear " + order.getBuyerName() + ",\n\n"
                + "thank you for your order " + order.getNumber() + ".\n\n"
                + order.getContents() + "\n\n"
                + "Download your tickets to your IC card at:\n" + address + "\n\n"
                + "Download window: from " + WHEN.format(order.getDownloadOpensAt().atZone(z))
                + " until " + WHEN.format(order.getDownloadClosesAt().atZone(z))
                + (immediate ? " (you can download now)" : "") + ".\n"
                + "Window (UTC): " + order.getDownloadOpensAt() + " / " + order.getDownloadClosesAt() + "\n\n"
                + "Sign in with your account at that address, place your card on the reader and follow the steps.\n";
        DownloadNotice n = new DownloadNotice(order.getId(), order.getBuyer().getEmail(),
                "Your tickets " + order.getNumber() + ": download window", body, Instant.now());
        em.persist(n);
        queued.fire(new NoticeQueued(n.getId()));
        return n;
    }

    public String downloadAddress(String token) {
        return (portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal) + "/shop/download.xhtml?token=" + token;
    }

    /**
     * Takes those of the given notices that are unsent and free (one conditional UPDATE, so a
     * notice is taken by one sender at a time across instances) and returns what was taken.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<DownloadNotice> claim(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        int n = em.createQuery("update DownloadNotice n set n.nextAttemptAt = :until, n.attempts = n.attempts + 1,"
                        + " n.claimToken = :t where n.id in :ids and n.sentAt is null and n.nextAttemptAt <= :now")
                .setParameter("until", now.plus(CLAIM)).setParameter("t", token).setParameter("ids", ids)
                .setParameter("now", now).executeUpdate();
        if (n == 0) {
            return List.of();
        }
        return em.createQuery("select n from DownloadNotice n where n.id in :ids and n.claimToken = :t order by n.id",
                        DownloadNotice.class)
                .setParameter("ids", ids).setParameter("t", token).getResultList();
    }

    /** Marks a batch the mail server accepted, in one statement. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            em.createQuery("update DownloadNotice n set n.sentAt = :at, n.lastError = null where n.id in :ids")
                    .setParameter("at", at).setParameter("ids", ids).executeUpdate();
        }
    }

    /** Keeps the error and when to try again (instead of when the sender's claim runs out). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Long id, String error, Instant retryAt) {
        em.createQuery("update DownloadNotice n set n.lastError = :e, n.nextAttemptAt = :retry where n.id = :id")
                .setParameter("e", error == null ? "unknown" : error.length() > 300 ? error.substring(0, 300) : error)
                .setParameter("retry", retryAt).setParameter("id", id).executeUpdate();
    }

    /**
     * When a notice that failed on its {@code attempts}-th try is tried again: after {@code first},
     * doubling with each further failure up to an hour. A mail server that is down for a while is
     * not asked again every sweep for every notice, and one that comes back gets the early ones soon.
     */
    static Instant retryAt(Instant failedAt, int attempts, Duration first) {
        Duration cap = Duration.ofHours(1);
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration wait = first.multipliedBy(1L << doublings);
        return failedAt.plus(wait.compareTo(cap) > 0 || wait.isNegative() ? cap : wait);
    }

    /** Unsent notices whose time has come (new ones missed by their sender, or retries). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due(Instant now, int max) {
        return em.createQuery("select n.id from DownloadNotice n where n.sentAt is null and n.nextAttemptAt <= :now"
                        + " order by n.id", Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }
}
