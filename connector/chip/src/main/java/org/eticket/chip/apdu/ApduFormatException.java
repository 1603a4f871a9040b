package org.eticket.chip.apdu;

/** Bytes that are no valid APDU; a card answers such a command with {@link StatusWord#WRONG_LENGTH}. */
public class ApduFormatException extends Exception {

    public ApduFormatException(String message) {
        super(message);
    }
}
