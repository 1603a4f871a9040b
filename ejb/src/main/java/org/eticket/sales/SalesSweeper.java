package org.eticket.sales;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs on every instance (non-persistent timers, so nothing depends on one timer owner in
 * the cluster): puts back expired holds and sends notices whose sender failed. Both steps
 * are conditional UPDATEs, so instances running at the same time never do one thing twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SalesSweeper {

    private static final Logger LOG = Logger.getLogger(SalesSweeper.class.getName());

    @EJB
    HoldService holds;

    @EJB
    DownloadNotices notices;

    @EJB
    NoticeMailer mailer;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "hold expiry")
    public void releaseExpiredHolds() {
        try {
            int n;
            do {
                n = holds.releaseExpired(200);
            } while (n == 200);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "hold expiry sweep failed; the next run retries", e);
        }
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false, info = "notice retry")
    public void retryNotices() {
        try {
            List<Long> due = notices.due(Instant.now(), 100);
            for (int i = 0; i < due.size(); i += NoticeMailer.BATCH) {
                mailer.sendAll(List.copyOf(due.subList(i, Math.min(due.size(), i + NoticeMailer.BATCH))));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notice sweep failed; the next run retries", e);
        }
    }
}
