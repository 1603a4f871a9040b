/**
 * Ticket flows run by the center through a reader terminal (issue #6): download of an order's
 * tickets to the customer's chip at their home reader/writer (004 Fig 15, S1504-S1507, Fig 38),
 * listing what a chip holds (001 claims 3, 13), and settling a write whose answer was lost.
 */
package org.eticket.issuance.terminal;
