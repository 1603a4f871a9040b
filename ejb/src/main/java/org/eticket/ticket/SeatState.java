package org.eticket.ticket;

/** What the seat map needs of one ticket, read without loading entities. */
public record SeatState(int row, int column, TicketState state, Long sellerId, Long seatTypeId) {
}
