package org.eticket.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eticket.platform.ConflictException;
import org.junit.jupiter.api.Test;

/** The group commit's hand-over: who writes, what each waiting purchase gets back. */
class GroupCommitTest {

    private final GroupCommit commit = new GroupCommit(1);

    /** A written order that remembers which purchase it was written for. */
    private static final class Written extends SalesOrder {
        final GroupCommit.Pending forWhom;

        Written(GroupCommit.Pending forWhom) {
            this.forWhom = forWhom;
        }
    }

    /** A write that takes a while (like a commit) and records its batches and how many were written at once. */
    private static final class SlowWrite implements Function<List<GroupCommit.Pending>, List<GroupCommit.Outcome>> {
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public List<GroupCommit.Outcome> apply(List<GroupCommit.Pending> batch) {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(batch.size());
            inFlight.decrementAndGet();
            return batch.stream().map(p -> GroupCommit.Outcome.sold(new Written(p))).toList();
        }
    }

    private static GroupCommit.Pending pending() {
        return new GroupCommit.Pending(null, null, "alice");
    }

    /** Runs {@code n} purchases at once; each returns what {@link GroupCommit#sell} gave it (or threw). */
    private List<Object> concurrently(int n, Function<GroupCommit.Pending, Object> each) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(threads.submit(() -> {
                go.await();
                GroupCommit.Pending mine = pending();
                try {
                    return each.apply(mine);
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : results) {
            out.add(f.get());
        }
        threads.shutdown();
        return out;
    }

    @Test
    void concurrentPurchasesShareBatchesAndEachGetsItsOwnOrder() throws Exception {
        concurrentPurchases(commit, 1);
    }

    @Test
    void withTwoWritersTwoBatchesAreWrittenAtOnceAndNoMore() throws Exception {
        SlowWrite write = concurrentPurchases(new GroupCommit(2), 2);
        assertEquals(2, write.mostAtOnce.get(), "a second batch is written while the first waits for its commit");
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit(0));
    }

    private SlowWrite concurrentPurchases(GroupCommit commit, int writers) throws Exception {
        SlowWrite write = new SlowWrite();
        Map<GroupCommit.Pending, Boolean> own = new ConcurrentHashMap<>();
        concurrently(100, mine -> {
            SalesOrder order = commit.sell(mine, write);
            own.put(mine, order instanceof Written w && w.forWhom == mine);
            return order;
        });
        assertEquals(100, own.size());
        assertTrue(own.values().stream().allMatch(b -> b), "every purchase gets the order written for it");
        assertEquals(100, write.batches.stream().mapToInt(Integer::intValue).sum(), "each purchase written exactly once");
        assertTrue(write.batches.size() < 100, "purchases waiting meanwhile share a batch: " + write.batches);
        assertTrue(write.batches.stream().allMatch(b -> b <= GroupCommit.MAX_BATCH), "no batch above the limit: " + write.batches);
        assertTrue(write.mostAtOnce.get() <= writers, "at most " + writers + " batches at once: " + write.mostAtOnce);
        return write;
    }

    @Test
    void aLonePurchaseIsWrittenAtOnceInABatchOfItsOwn() {
        SlowWrite write = new SlowWrite();
        GroupCommit.Pending mine = pending();
        assertSame(mine, ((Written) commit.sell(mine, write)).forWhom);
        assertEquals(List.of(1), write.batches);
    }

    @Test
    void aRefusedSaleThrowsItsRefusalAndTheOthersAreSold() throws Exception {
        List<Object> results = concurrently(20, mine -> commit.sell(mine, batch -> batch.stream()
                .map(p -> p == batch.get(0) ? GroupCommit.Outcome.refused(new ConflictException("seat A1 was taken meanwhile"))
                        : GroupCommit.Outcome.sold(new Written(p)))
                .toList()));
        long refused = results.stream().filter(r -> r instanceof ConflictException).count();
        long sold = results.stream().filter(r -> r instanceof Written).count();
        assertTrue(refused >= 1, "the first of each batch is refused");
        assertEquals(20, refused + sold);
    }

    @Test
    void aBatchThatFailsAsAWholeSendsEverySaleToRunAlone() throws Exception {
        List<Object> results = concurrently(20, mine -> commit.sell(mine, batch -> {
            throw new IllegalStateException("deadlock with another writer");
        }));
        results.forEach(r -> assertNull(r, "run alone, not failed: " + r));
        assertNull(commit.sell(pending(), batch -> List.of()), "an answer of the wrong size is not trusted either");
        // and the next batch is written normally
        SlowWrite write = new SlowWrite();
        assertTrue(commit.sell(pending(), write) instanceof Written);
    }
}
