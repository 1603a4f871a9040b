package org.eticket.issuance;

/** The WRITE TICKET command APDU (hex) MACed by the center with the chip's write key, for the terminal to relay as is. */
public record WriteAuthorization(Long attemptId, String command) {
}
