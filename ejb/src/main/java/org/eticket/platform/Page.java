package org.eticket.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a search: the items, the total that matched, and where the page starts. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 500;

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size);
    }

    /** Checks paging parameters as given by a caller: page from 0, size 1..500. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new ValidationException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("page size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }
}
