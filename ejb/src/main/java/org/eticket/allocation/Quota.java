package org.eticket.allocation;

import java.util.Objects;

/**
 * How many seats of a performance a seller may take: a number of seats ({@code "120"}) or a share of
 * the performance's capacity ({@code "12.5%"}, up to 2 decimals). A share is kept exactly as basis
 * points (1/100 of a percent) and turned into seats rounding down. Quotas of several sellers may
 * add up to more than the capacity; that is allowed.
 *
 * @param kind   number of seats or share of capacity
 * @param amount seats ({@link Kind#SEATS}, 0 or more) or basis points ({@link Kind#RATIO}, 1 to 10000)
 */
public record Quota(Kind kind, int amount) {

    public enum Kind { SEATS, RATIO }

    /** 100% in basis points. */
    public static final int FULL = 10_000;

    private static final String EXPECTED = "expected a number of seats (e.g. 120) or a percentage (e.g. 12.5%)";

    public Quota {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SEATS && amount < 0) {
            throw new IllegalArgumentException("a quota cannot be a negative number of seats: " + amount);
        }
        if (kind == Kind.RATIO && (amount < 1 || amount > FULL)) {
            throw new IllegalArgumentException("a quota share must be more than 0% and at most 100%, not "
                    + percentLabel(amount));
        }
    }

    public static Quota ofSeats(int seats) {
        return new Quota(Kind.SEATS, seats);
    }

    /** A share of capacity in basis points: 1250 is 12.5%. */
    public static Quota ofBasisPoints(int basisPoints) {
        return new Quota(Kind.RATIO, basisPoints);
    }

    /** Parses {@code "120"} or {@code "12.5%"} (surrounding whitespace allowed, also before the %). */
    public static Quota parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no quota given: " + EXPECTED);
        }
        String s = text.strip();
        String q = '"' + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + '"';
        if (s.endsWith("%")) {
            String number = s.substring(0, s.length() - 1).strip();
            if (!number.matches("[0-9]+(\\.[0-9]+)?")) {
                if (number.startsWith("-")) {
                    throw new IllegalArgumentException(q + " is not a quota: a percentage must be more than 0% and at most 100%");
                }
                throw new IllegalArgumentException(q + " is not a quota: " + EXPECTED);
            }
            int dot = number.indexOf('.');
            String whole = stripLeadingZeros(dot < 0 ? number : number.substring(0, dot));
            String decimals = dot < 0 ? "" : stripTrailingZeros(number.substring(dot + 1));
            if (decimals.length() > 2) {
                throw new IllegalArgumentException(q + " is not a quota: a percentage has at most 2 decimals");
            }
            if (whole.length() > 3) {
                throw new IllegalArgumentException(q + " is not a quota: a percentage must be more than 0% and at most 100%");
            }
            int bp = Integer.parseInt(whole.isEmpty() ? "0" : whole) * 100
                    + Integer.parseInt((decimals + "00").substring(0, 2));
            if (bp < 1 || bp > FULL) {
                throw new IllegalArgumentException(q + " is not a quota: a percentage must be more than 0% and at most 100%");
            }
            return ofBasisPoints(bp);
        }
        if (s.matches("-[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalArgumentException(q + " is not a quota: a number of seats cannot be negative");
        }
        if (s.matches("[0-9]+\\.[0-9]+")) {
            throw new IllegalArgumentException(q + " is not a quota: a number of seats must be whole (for a share of capacity write "
                    + s + "%)");
        }
        if (!s.matches("[0-9]+")) {
            throw new IllegalArgumentException(q + " is not a quota: " + EXPECTED);
        }
        String digits = stripLeadingZeros(s);
        if (digits.length() > 10 || (!digits.isEmpty() && Long.parseLong(digits) > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(q + " is not a quota: at most " + Integer.MAX_VALUE + " seats");
        }
        return ofSeats(digits.isEmpty() ? 0 : Integer.parseInt(digits));
    }

    public boolean isRatio() {
        return kind == Kind.RATIO;
    }

    /** Seats the seller may take in all for a performance of {@code capacity} seats (a share rounds down). */
    public int limit(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity cannot be negative: " + capacity);
        }
        // a number quota is a permission, not stock: it is not capped at the capacity
        return kind == Kind.SEATS ? amount : (int) ((long) capacity * amount / FULL);
    }

    /** Seats still open to the seller; never negative (a quota lowered below what is held leaves 0). */
    public int remaining(int capacity, int alreadyAllocated) {
        if (alreadyAllocated < 0) {
            throw new IllegalArgumentException("allocated seats cannot be negative: " + alreadyAllocated);
        }
        return Math.max(0, limit(capacity) - alreadyAllocated);
    }

    public boolean allows(int capacity, int alreadyAllocated, int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("requested seats cannot be negative: " + requested);
        }
        return requested <= remaining(capacity, alreadyAllocated);
    }

    /**
     * Throws if the seller may not take {@code requested} more seats, with a message such as
     * {@code seller "Fan Club" may take 30 more seats under its quota of 10% (60 of 600); 45 requested}.
     */
    public void check(String seller, int capacity, int alreadyAllocated, int requested) {
        Objects.requireNonNull(seller, "seller");
        if (!allows(capacity, alreadyAllocated, requested)) {
            throw new QuotaExceededException(seller, this, capacity, alreadyAllocated, requested);
        }
    }

    /** {@code "120"} or {@code "12.5%"}; {@link #parse} reads it back. */
    public String label() {
        return kind == Kind.SEATS ? Integer.toString(amount) : percentLabel(amount);
    }

    /** For messages: {@code "120 seats"} or {@code "10% (60 of 600)"}. */
    public String describe(int capacity) {
        if (kind == Kind.SEATS) {
            return amount + (amount == 1 ? " seat" : " seats");
        }
        return label() + " (" + limit(capacity) + " of " + capacity + ")";
    }

    @Override
    public String toString() {
        return label();
    }

    private static String percentLabel(int basisPoints) {
        String sign = basisPoints < 0 ? "-" : "";
        int abs = Math.abs(basisPoints);
        String decimals = stripTrailingZeros((abs % 100 < 10 ? "0" : "") + abs % 100);
        return sign + abs / 100 + (decimals.isEmpty() ? "" : "." + decimals) + "%";
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
