package org.eticket.chip.protocol;

import org.eticket.chip.apdu.StatusWord;

/** A chip did not answer, refused a command, or answered something that is not this application's format. */
public class ChipAccessException extends Exception {

    /** Status word of a refused command; -1 when the chip gave none. */
    private final int statusWord;

    public ChipAccessException(String message, int statusWord) {
        super(message + (statusWord >= 0 ? ": " + StatusWord.describe(statusWord) : ""));
        this.statusWord = statusWord;
    }

    public ChipAccessException(String message, Throwable cause) {
        super(message, cause);
        this.statusWord = -1;
    }

    public int statusWord() {
        return statusWord;
    }
}
