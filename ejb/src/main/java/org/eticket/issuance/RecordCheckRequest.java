package org.eticket.issuance;

/** A ticket record (hex) as read from the chip with UID {@code chipUid}. */
public record RecordCheckRequest(String chipUid, String record) {
}
