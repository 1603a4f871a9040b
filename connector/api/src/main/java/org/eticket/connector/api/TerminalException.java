package org.eticket.connector.api;

import jakarta.resource.ResourceException;

/** A request to a terminal that could not be answered, with the reason a caller can act on. */
public class TerminalException extends ResourceException {

    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** The terminal has no connection to this instance's adapter (it may be offline or on another instance). */
        NOT_CONNECTED,
        /** No answer within the timeout; the terminal stays connected. */
        TIMEOUT,
        /** The terminal answered that it could not carry the request out (e.g. no chip in the field). */
        FAILED,
        /** The request itself is malformed (e.g. not an APDU, a text too long for a frame). */
        BAD_REQUEST,
        /** The terminal CA refused (e.g. a certificate request whose signature does not verify). */
        REFUSED
    }

    private final Reason reason;

    public TerminalException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
