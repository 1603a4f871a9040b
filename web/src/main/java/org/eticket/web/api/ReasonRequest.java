package org.eticket.web.api;

/** Why a chip is reported lost or blocked. */
public record ReasonRequest(String reason) {
}
