package org.eticket.web.api;

/** The one-time enrollment code, shown once: the center keeps only its hash. */
public record EnrollmentCodeDto(String terminalId, String enrollmentCode, String expiresAt) {
}
