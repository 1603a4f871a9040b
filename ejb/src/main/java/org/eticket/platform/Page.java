package org.eticket.platform;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a search: the items, the total that matched, and where the page starts. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 500;

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size);
    }

    /**
     * One page of {@code select x from Entity x <where> <orderBy>} with its total from the
     * matching count query; both get the same named parameters.
     */
    public static <T> Page<T> query(EntityManager em, Class<T> type, String alias, String where,
                                    Map<String, Object> params, String orderBy, int page, int size) {
        check(page, size);
        String from = " from " + type.getSimpleName() + " " + alias + where;
        var count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        var list = em.createQuery("select " + alias + from + " order by " + orderBy, type);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        return new Page<>(list.setFirstResult(page * size).setMaxResults(size).getResultList(),
                count.getSingleResult(), page, size);
    }

    /** Checks paging parameters as given by a caller: page from 0, size 1..500. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new ValidationException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("page size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new ValidationException("page " + page + " of " + size + " is beyond any list; ask for an earlier page");
        }
    }
}
