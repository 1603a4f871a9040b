package org.eticket.issuance;

/**
 * A write of the ticket to the chip that was never confirmed, and the center's fresh 8-byte
 * challenge (hex) for the chip's PROVE TICKET answer about {@code chipTicketId}; valid once, for a
 * minute.
 */
public record SettlementChallenge(Long attemptId, String chipUid, String chipTicketId, String challenge) {
}
