package org.eticket.issuance;

/** The chip's response APDU to the write (hex, data and status word) and the ticket's record as read back afterwards (hex). */
public record WriteReport(String response, String readBack) {
}
