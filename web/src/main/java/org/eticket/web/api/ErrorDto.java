package org.eticket.web.api;

/** Every error the API answers: the HTTP status, its reason phrase and a message a person can act on. */
public record ErrorDto(int status, String error, String message) {
}
