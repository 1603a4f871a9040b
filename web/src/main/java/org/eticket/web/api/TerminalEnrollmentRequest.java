package org.eticket.web.api;

/** A terminal's enrollment: its ID, the one-time code, and its PKCS#10 certificate request (PEM, or base64 DER). */
public record TerminalEnrollmentRequest(String terminalId, String enrollmentCode, String csr) {
}
