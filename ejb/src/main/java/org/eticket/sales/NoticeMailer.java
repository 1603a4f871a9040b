package org.eticket.sales;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends download notices through Jakarta Mail to the configured SMTP server, never inside
 * a purchase's transaction: a notice is sent when its purchase commits (AFTER_SUCCESS,
 * handed to this instance's asynchronous sender, which sends in batches), and
 * {@link SalesSweeper} retries what failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeMailer {

    private static final Logger LOG = Logger.getLogger(NoticeMailer.class.getName());

    @EJB
    DownloadNotices notices;

    @EJB
    NoticeMailer self;

    @Inject
    @ConfigProperty(name = "eticket.mail.smtp.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "eticket.mail.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "eticket.mail.from", defaultValue = "tickets@eticket.example")
    String from;

    @Inject
    @ConfigProperty(name = "eticket.mail.timeout-millis", defaultValue = "10000")
    int timeoutMillis;

    /** The wait before a failed notice's first retry; it doubles with each further failure, up to an hour. */
    @Inject
    @ConfigProperty(name = "eticket.mail.retry-seconds", defaultValue = "30")
    int retrySeconds;

    /**
     * One mail session per bean instance: {@code Session.getInstance} looks its providers up
     * through the class loaders' service files, which cost about a fifth of the server's CPU
     * under the purchase benchmark when done per notice. A Session is safe to share between threads.
     */
    private Session session;

    private Session session() {
        if (session == null) {
            Properties p = new Properties();
            p.put("mail.smtp.host", host);
            p.put("mail.smtp.port", Integer.toString(port));
            p.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
            p.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
            // the Message-ID's host part comes from here instead of a host name lookup per message
            p.put("mail.from", from);
            session = Session.getInstance(p);
        }
        return session;
    }

    /**
     * Notices committed on this instance and not yet handed to a sender, and whether a sender
     * runs. Only a wake-up list, never the truth: the database claim decides who sends a notice,
     * and what a crash loses here the {@link SalesSweeper} finds in the table and sends.
     */
    private static final ConcurrentLinkedQueue<Long> COMMITTED = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean DRAINING = new AtomicBoolean();

    /** Most notices one sender claims and sends over one SMTP connection. */
    static final int BATCH = 50;

    /**
     * After the purchase committed: hand the notice to this instance's sender, starting one
     * (on another thread, so the buyer's answer does not wait for SMTP) when none runs. Under
     * load a sender takes the notices of many purchases per claim and per SMTP connection.
     */
    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeQueued event) {
        COMMITTED.add(event.noticeId());
        if (DRAINING.compareAndSet(false, true)) {
            try {
                self.drainAsync();
            } catch (RuntimeException e) {
                DRAINING.set(false); // not started: the next notice or the sweeper tries again
                LOG.log(Level.WARNING, "download notice sender not started (the sweeper sends later): " + e);
            }
        }
    }

    @Asynchronous
    public void drainAsync() {
        try {
            while (true) {
                List<Long> batch = new ArrayList<>(BATCH);
                for (Long id; batch.size() < BATCH && (id = COMMITTED.poll()) != null; ) {
                    batch.add(id);
                }
                if (batch.isEmpty()) {
                    DRAINING.set(false);
                    // a notice added after the poll and before the reset found DRAINING still set: take it on
                    if (COMMITTED.isEmpty() || !DRAINING.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                sendAll(batch);
            }
        } catch (RuntimeException e) {
            DRAINING.set(false);
            LOG.log(Level.WARNING, "download notice sender stopped (the sweeper sends what is left): " + e);
        }
    }

    /**
     * Sends those of the notices this caller could claim, over one SMTP connection; each
     * accepted one is marked sent, each refused one keeps its error and is retried later.
     * Returns how many the mail server accepted.
     */
    public int sendAll(List<Long> ids) {
        Instant now = Instant.now();
        List<DownloadNotice> claimed = notices.claim(ids, now);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> sent = new ArrayList<>(claimed.size());
        List<Long> refused = new ArrayList<>();
        try (Transport smtp = session().getTransport("smtp")) {
            smtp.connect();
            for (DownloadNotice n : claimed) {
                try {
                    MimeMessage m = new MimeMessage(session());
                    m.setFrom(new InternetAddress(from));
                    m.setRecipient(Message.RecipientType.TO, new InternetAddress(n.getRecipient()));
                    m.setSubject(n.getSubject(), "UTF-8");
                    m.setText(n.getBody(), "UTF-8");
                    m.setSentDate(Date.from(now));
                    m.saveChanges(); // Transport.send does this; sendMessage does not
                    smtp.sendMessage(m, m.getAllRecipients());
                    sent.add(n.getId());
                } catch (MessagingException | RuntimeException e) {
                    if (!smtp.isConnected()) {
                        throw e; // the connection is gone: the rest of the batch fails with it
                    }
                    refused.add(n.getId()); // this message only (e.g. a recipient the server refuses)
                    LOG.log(Level.WARNING, "download notice " + n.getId() + " refused by the mail server (retried from "
                            + failed(n, e) + "): " + e);
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // the mail server is unreachable or dropped the connection: one line for the batch, not one per notice
            Instant first = null;
            int failedHere = 0;
            for (DownloadNotice n : claimed) {
                if (!sent.contains(n.getId()) && !refused.contains(n.getId())) {
                    Instant retry = failed(n, e);
                    first = first == null || retry.isBefore(first) ? retry : first;
                    failedHere++;
                }
            }
            if (failedHere > 0) {
                LOG.log(Level.WARNING, failedHere + " download notice(s) not sent, retried from " + first + ": " + e);
            } else {
                LOG.log(Level.FINE, "the mail server failed after taking every notice of the batch", e);
            }
        }
        notices.sent(sent, Instant.now());
        return sent.size();
    }

    private Instant failed(DownloadNotice n, Exception e) {
        Instant retry = DownloadNotices.retryAt(Instant.now(), n.getAttempts(), Duration.ofSeconds(retrySeconds));
        notices.failed(n.getId(), e.toString(), retry);
        return retry;
    }
}
