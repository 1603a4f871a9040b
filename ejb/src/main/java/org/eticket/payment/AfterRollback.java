package org.eticket.payment;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives money back when a sale's transaction does not commit, whatever the reason (a later
 * step failed, the commit itself failed): the acquirer keeps its own books, so a rollback
 * of ours does not undo its authorization or capture. Voids what was only authorized and
 * refunds what was captured.
 */
public final class AfterRollback implements Synchronization {

    private static final Logger LOG = Logger.getLogger(AfterRollback.class.getName());

    private final PaymentGateway gateway;
    private final String reference;
    private final long amount;
    private volatile boolean captured;

    private AfterRollback(PaymentGateway gateway, String reference, long amount) {
        this.gateway = gateway;
        this.reference = reference;
        this.amount = amount;
    }

    /** Registers the undo of an authorization with the current transaction. */
    public static AfterRollback undo(TransactionSynchronizationRegistry registry, PaymentGateway gateway, String reference,
                                     long amount) {
        AfterRollback undo = new AfterRollback(gateway, reference, amount);
        registry.registerInterposedSynchronization(undo);
        return undo;
    }

    /** Called right after a successful capture: a rollback now needs a refund. */
    public void captured() {
        captured = true;
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            return;
        }
        try {
            if (captured) {
                gateway.refund(reference, amount);
            } else {
                gateway.voidAuthorization(reference);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "authorization " + reference + " could not be " + (captured ? "refunded" : "voided")
                    + " after the sale rolled back; settle it by hand", e);
        }
    }
}
