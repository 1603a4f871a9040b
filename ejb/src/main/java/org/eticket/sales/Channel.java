package org.eticket.sales;

/** Where an order was placed (design §6). */
public enum Channel {
    /** The customer portal (C11). */
    PORTAL,
    /** A seller's own system through the REST API (seed 004 Fig 7). */
    SELLER_API,
    /** A store terminal (C15). */
    KIOSK
}
