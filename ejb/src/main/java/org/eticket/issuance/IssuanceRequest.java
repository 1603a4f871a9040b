package org.eticket.issuance;

/** Issue ticket {@code ticketId} to the chip with UID {@code chipUid} (14 hex digits, as read by the terminal). */
public record IssuanceRequest(Long ticketId, String chipUid) {
}
