/**
 * Sellers, their authorizations and quotas, and the allocation of a performance's seats to them
 * (C5-C8): registering, changing and printing allocations, the seller's stock with its export,
 * import into the seller's event master and registration report, and returns of unsold seats.
 */
package org.eticket.allocation;
