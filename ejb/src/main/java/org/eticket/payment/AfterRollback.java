package org.eticket.payment;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives money back when a sale's transaction does not commit, whatever the reason (a later
 * step failed, the commit itself failed): the acquirer keeps its own books, so a rollback
 * of ours does not undo its authorization or capture.
 */
public final class AfterRollback {

    private static final Logger LOG = Logger.getLogger(AfterRollback.class.getName());

    private AfterRollback() {
    }

    /** Voids (or refunds, once captured) the authorization unless the current transaction commits. */
    public static void undo(TransactionSynchronizationRegistry registry, PaymentGateway gateway, String reference, long amount) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    gateway.voidAuthorization(reference);
                } catch (RuntimeException notVoidable) {
                    try {
                        gateway.refund(reference, amount);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "authorization " + reference + " could be neither voided nor refunded", e);
                    }
                }
            }
        });
    }
}
