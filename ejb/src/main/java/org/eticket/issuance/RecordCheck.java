package org.eticket.issuance;

/** The center's verdict on a record read from a chip; {@code reason} names the failed check (TicketVerifier's reasons). */
public record RecordCheck(boolean verified, String reason, String detail, String ticketId) {
}
