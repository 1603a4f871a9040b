/**
 * Allocation of a performance's seats to sellers: a seller's quota (a number of seats or a share of
 * capacity) and the check that an allocation stays within it. Plain Java, shared by services and screens.
 */
package org.eticket.allocation;
