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
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends download notices through Jakarta Mail to the configured SMTP server, never inside
 * a purchase's transaction: a notice is sent when its purchase commits (AFTER_SUCCESS,
 * handed to an asynchronous call), and {@link SalesSweeper} retries what failed.
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
            session = Session.getInstance(p);
        }
        return session;
    }

    /** After the purchase committed: send on another thread so the buyer's answer does not wait for SMTP. */
    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeQueued event) {
        self.sendAsync(event.noticeId());
    }

    @Asynchronous
    public void sendAsync(Long id) {
        send(id);
    }

    /** Sends the notice if this caller could claim it; true when the mail server accepted it. */
    public boolean send(Long id) {
        Instant now = Instant.now();
        if (!notices.claim(id, now)) {
            return false;
        }
        DownloadNotice n = notices.get(id);
        try {
            MimeMessage m = new MimeMessage(session());
            m.setFrom(new InternetAddress(from));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(n.getRecipient()));
            m.setSubject(n.getSubject(), "UTF-8");
            m.setText(n.getBody(), "UTF-8");
            m.setSentDate(Date.from(now));
            Transport.send(m);
            notices.sent(id, Instant.now());
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "download notice " + id + " not sent (will retry): " + e);
            notices.failed(id, e.toString());
            return false;
        }
    }
}
