package org.eticket.web.api;

import java.util.List;
import java.util.function.Function;
import org.eticket.platform.Page;

/** One page of a search, as {@code {"items": [...], "total": N, "page": 0, "size": 20}}. */
public record PageDto<T>(List<T> items, long total, int page, int size) {

    static <E, T> PageDto<T> of(Page<E> page, Function<E, T> toDto) {
        return new PageDto<>(page.items().stream().map(toDto).toList(), page.total(), page.page(), page.size());
    }
}
