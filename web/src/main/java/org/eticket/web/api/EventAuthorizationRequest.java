package org.eticket.web.api;

/** Authorizes a seller for every performance of an event with one quota. */
public record EventAuthorizationRequest(Long sellerId, String quota) {
}
