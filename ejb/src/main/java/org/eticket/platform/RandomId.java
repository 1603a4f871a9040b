package org.eticket.platform;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Primary keys drawn at random (positive 63-bit) for rows written at high rate by
 * concurrent transactions: neither EclipseLink's SEQUENCE table (its row stays locked until
 * the allocating transaction ends) nor Derby's IDENTITY generator (which falls back to a
 * lock held by the inserting transaction under contention) then serializes writers, on one
 * instance or many. Two draws collide with probability about n^2 / 2^64.
 */
public final class RandomId {

    private RandomId() {
    }

    public static long next() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        } while (id == 0);
        return id;
    }
}
