package org.eticket.issuance;

/**
 * What the terminal read from the chip (hex): the SELECT answer (FCI: UID, key version, write
 * counter), the chip's own challenge from GET CHALLENGE, and its INTERNAL AUTHENTICATE answer to
 * the center's challenge.
 */
public record ChipEvidence(String selectResponse, String chipChallenge, String response) {
}
