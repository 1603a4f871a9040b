/**
 * The electronic ticket master (design §6, Fig 4): one {@link org.eticket.ticket.Ticket}
 * per seat of a performance from allocation on, and the state machine every capability
 * moves it through.
 */
package org.eticket.ticket;
