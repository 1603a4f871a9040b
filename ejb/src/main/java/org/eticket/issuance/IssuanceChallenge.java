package org.eticket.issuance;

/** The attempt and the center's 8-byte challenge (hex) for INTERNAL AUTHENTICATE; valid once, for a few minutes. */
public record IssuanceChallenge(Long attemptId, String challenge) {
}
