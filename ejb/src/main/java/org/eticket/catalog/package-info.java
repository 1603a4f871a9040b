/**
 * The catalog masters: organizers (C1), venues and their seat layouts (C2), events with
 * their performances (C3), and the seat master of seat types and attributes (C4).
 */
package org.eticket.catalog;
