package org.eticket.allocation;

import org.eticket.platform.ConflictException;

/**
 * A seller asked for more seats than its quota leaves. The message names the seller, what is left,
 * the quota and the request, for the person allocating. A conflict with stored data (answered 409,
 * rolls back).
 */
public class QuotaExceededException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final String seller;
    private final Quota quota;
    private final int capacity;
    private final int allocated;
    private final int requested;
    private final int remaining;

    public QuotaExceededException(String seller, Quota quota, int capacity, int allocated, int requested) {
        super(message(seller, quota, capacity, allocated, requested));
        this.seller = seller;
        this.quota = quota;
        this.capacity = capacity;
        this.allocated = allocated;
        this.requested = requested;
        this.remaining = quota.remaining(capacity, allocated);
    }

    private static String message(String seller, Quota quota, int capacity, int allocated, int requested) {
        int left = quota.remaining(capacity, allocated);
        String may = left == 0 ? "may take no more seats"
                : "may take " + left + " more " + (left == 1 ? "seat" : "seats");
        return "seller \"" + seller + "\" " + may + " under its quota of " + quota.describe(capacity)
                + "; " + requested + " requested";
    }

    public String seller() {
        return seller;
    }

    public Quota quota() {
        return quota;
    }

    public int capacity() {
        return capacity;
    }

    public int allocated() {
        return allocated;
    }

    public int requested() {
        return requested;
    }

    public int remaining() {
        return remaining;
    }
}
