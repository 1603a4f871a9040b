package org.eticket.platform;

/**
 * How long an instance may keep the catalogue (organizers, venues and layouts, events and
 * performances, sellers, stores) in its EclipseLink shared cache. Several instances share one
 * database but not their caches, so a change made on one instance reaches the others when their
 * copy expires. Everything whose staleness would sell wrongly (seats, holds, prices, sales terms,
 * orders, ledgers, chips, keys, users, terminals) is not cached between transactions at all
 * (persistence.xml: shared-cache-mode ENABLE_SELECTIVE).
 */
public final class CatalogueCache {

    /** Ten seconds: a catalogue change shows everywhere within that, while a purchase finds its event and performance in memory. */
    public static final int EXPIRY_MILLIS = 10_000;

    private CatalogueCache() {
    }
}
