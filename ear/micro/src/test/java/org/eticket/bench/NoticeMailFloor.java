package org.eticket.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.util.Date;
import java.util.Properties;

/**
 * What sending a download notice costs by itself (issue #4's "what limits it"), run by
 * {@code run-bench.sh} after the database floor: notices built and sent as
 * {@code NoticeMailer} does (one Jakarta Mail session, 50 per SMTP connection, the same
 * headers, a body of a notice's length) to the load generator's SMTP sink in-process, and the sending thread's
 * CPU time per notice: no database, no container. A first round of the same size warms the JIT.
 *
 * <pre>
 * java -cp (jakarta.mail and its activation):. org.eticket.bench.NoticeMailFloor [notices=20000]
 * </pre>
 */
public final class NoticeMailFloor {

    public static void main(String[] args) throws Exception {
        int notices = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (ServerSocket sink = new ServerSocket(0)) {
            Thread accept = new Thread(() -> PurchaseLoad.smtpSink(sink), "smtp-sink");
            accept.setDaemon(true);
            accept.start();
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", Integer.toString(sink.getLocalPort()));
            p.put("mail.from", "tickets@eticket.example");
            Session session = Session.getInstance(p);
            String body = "Dear Alice Example,\n\nthank you for your order ET1PMZAA6B065HY: Load benchmark, 2027-01-01 18:00,"
                    + " Grand Hall: M1 B 6000; total 6000 JPY.\n\nDownload your tickets to your IC card from\n"
                    + "http://localhost:8080/eticket/shop/download.xhtml?order=ET1PMZAA6B065HY&token=Qy08S83EYN8DBiPgEry2QLqM\n"
                    + "between 2026-11-21 23:35 and 2026-12-21 23:35 (Asia/Tokyo). Before that the page tells you when it"
                    + " opens; after it, the download is closed.\n\nYour electronic ticket platform center\n";
            send(session, body, notices); // warm-up
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cpu0 = cpu.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            send(session, body, notices);
            double ms = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6;
            double s = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("mail floor: %d notices of %d characters sent by Jakarta Mail, 50 per connection: %.3f ms of CPU"
                    + " per notice (the sending thread's; %.0f notices/s)%n", notices, body.length(), ms / notices, notices / s);
        }
    }

    private static void send(Session session, String body, int notices) throws MessagingException {
        for (int i = 0; i < notices; i += 50) {
            try (Transport smtp = session.getTransport("smtp")) {
                smtp.connect();
                for (int k = 0; k < 50 && i + k < notices; k++) {
                    MimeMessage m = new MimeMessage(session);
                    m.setFrom(new InternetAddress("tickets@eticket.example"));
                    m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.com"));
                    m.setSubject("Your tickets ET1PMZAA6B065HY: download window", "UTF-8");
                    m.setText(body, "UTF-8");
                    m.setSentDate(new Date());
                    m.saveChanges();
                    smtp.sendMessage(m, m.getAllRecipients());
                }
            }
        }
    }
}
