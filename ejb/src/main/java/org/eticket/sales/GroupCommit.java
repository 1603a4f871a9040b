package org.eticket.sales;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eticket.payment.Authorization;

/**
 * Group commit of card sales from stock (C11): concurrent purchases on this instance are
 * written several to one transaction, so a sale shares its transaction's fixed costs (the
 * commit and its log write, the container's transaction and the persistence context) with
 * the others that arrived meanwhile. No thread of its own: a waiting purchase leads when
 * fewer than {@link #writers} batches are being written, takes what is queued and writes it;
 * the others wait for their outcome, and the next batch forms while one is written, so
 * batches grow with the load and a lone purchase is written at once. One writer is the
 * default: on embedded Derby and 2 cores a second one made batches smaller and a purchase
 * cost 20% more CPU at the same throughput; a server database whose commits wait on its own
 * disk or network may gain from more. Nothing here is shared between instances and nothing needs to be: each sale's
 * seats are still taken by a conditional UPDATE in the database, and a sale's outcome is
 * only handed back after its transaction committed.
 * <p>
 * When a batch fails as a whole (a lock clash with another writer, a database error), each
 * of its sales is run again alone on its own thread, so one sale never decides another's.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /** Enough to share a commit widely; small enough that the batch's statements stay short. */
    static final int MAX_BATCH = 64;

    /** One purchase waiting for its batch: the sale, its card authorization, and who asked for it. */
    public static final class Pending {
        private final PurchaseService.Sale sale;
        private final Authorization card;
        private final String actor;
        private Outcome outcome; // guarded by the monitor

        Pending(PurchaseService.Sale sale, Authorization card, String actor) {
            this.sale = sale;
            this.card = card;
            this.actor = actor;
        }

        public PurchaseService.Sale sale() {
            return sale;
        }

        public Authorization card() {
            return card;
        }

        public String actor() {
            return actor;
        }
    }

    /** What became of one sale of a batch: sold, refused (seats taken), or to be run alone. */
    public record Outcome(SalesOrder order, RuntimeException refusal) {

        static final Outcome ALONE = new Outcome(null, null);

        static Outcome sold(SalesOrder order) {
            return new Outcome(order, null);
        }

        static Outcome refused(RuntimeException refusal) {
            return new Outcome(null, refusal);
        }
    }

    private final Object monitor = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int writing;

    /** How many batches may be written at once on this instance. */
    private final int writers;

    GroupCommit(int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("eticket.sales.group-commit.writers is at least 1, was " + writers);
        }
        this.writers = writers;
    }

    @jakarta.inject.Inject
    GroupCommit(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "eticket.sales.group-commit.writers",
            defaultValue = "1") Integer writers) {
        this(writers.intValue());
    }

    /** For the container's proxy only. */
    protected GroupCommit() {
        this.writers = 1;
    }

    /**
     * Whether a sale can join a batch: paid wholly by an authorized card, from stock (not a
     * hold), by a known customer. Spending points or e-money locks the buyer's account and
     * checks its balance, and a hold's checkout or a new buyer has its own steps: those sales
     * run alone.
     */
    static boolean suits(PurchaseService.Sale sale, Authorization card) {
        return card != null && sale.holdId() == null && sale.buyer().getId() != null
                && sale.payment().method() == PaymentRequest.Method.CARD && sale.payment().pointsOrZero() == 0;
    }

    /**
     * Writes the sale in a batch through {@code write} (which must commit its own transaction
     * and give one outcome per sale, in order). Returns the committed order, throws the sale's
     * refusal, or returns null when the sale must be run alone.
     */
    SalesOrder sell(Pending mine, Function<List<Pending>, List<Outcome>> write) {
        boolean interrupted = false;
        synchronized (monitor) {
            queue.add(mine);
        }
        try {
            while (true) {
                List<Pending> batch;
                synchronized (monitor) {
                    while (mine.outcome == null && (writing >= writers || queue.isEmpty())) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the sale may already be in a batch: wait for its outcome all the same
                        }
                    }
                    if (mine.outcome != null) {
                        break;
                    }
                    writing++;
                    batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
                    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                        batch.add(queue.poll());
                    }
                }
                List<Outcome> outcomes = writeOrRunAlone(batch, write);
                synchronized (monitor) {
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).outcome = outcomes.get(i);
                    }
                    writing--;
                    monitor.notifyAll();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (mine.outcome.refusal() != null) {
            throw mine.outcome.refusal();
        }
        return mine.outcome.order();
    }

    private static List<Outcome> writeOrRunAlone(List<Pending> batch, Function<List<Pending>, List<Outcome>> write) {
        try {
            List<Outcome> outcomes = write.apply(batch);
            if (outcomes.size() == batch.size()) {
                return outcomes;
            }
            LOG.severe("a batch of " + batch.size() + " sales gave " + outcomes.size() + " outcomes; each runs alone");
        } catch (RuntimeException e) {
            // rolled back as a whole: nothing of it was written, so each sale can simply run again alone
            LOG.log(Level.FINE, "a batch of " + batch.size() + " sales rolled back; each runs alone", e);
        }
        return java.util.Collections.nCopies(batch.size(), Outcome.ALONE);
    }
}
