package org.eticket.web.api;

/** Authorizes a seller for a performance; quota {@code "120"} seats or {@code "12.5%"} of capacity. */
public record AuthorizationRequest(Long performanceId, Long sellerId, String quota) {
}
