package org.eticket.web.api;

/** A changed quota: {@code "120"} seats or {@code "12.5%"} of capacity. */
public record QuotaRequest(String quota) {
}
