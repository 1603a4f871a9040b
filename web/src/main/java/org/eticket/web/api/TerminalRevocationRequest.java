package org.eticket.web.api;

/** Why a terminal's certificate is revoked. */
public record TerminalRevocationRequest(String reason) {
}
