package org.eticket.chip.apdu;

/** The chip did not answer: card removed, reader gone, or power lost in the middle of a command. */
public class ApduTransportException extends Exception {

    public ApduTransportException(String message) {
        super(message);
    }

    public ApduTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
