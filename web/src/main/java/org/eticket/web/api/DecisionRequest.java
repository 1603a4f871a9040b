package org.eticket.web.api;

/** The organizer's note on accepting or refusing a return request; may be empty. */
public record DecisionRequest(String note) {
}
