package org.eticket.catalog.grid;

/**
 * Input that does not describe a cell, range or layout. The message is meant to be shown to the
 * person who typed or uploaded it, as is.
 */
public class GridException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int MAX_QUOTED = 40;

    public GridException(String message) {
        super(message);
    }

    /** Quotes user input for a message, cut short so a huge bad input does not make a huge message. */
    static String quote(String text) {
        String t = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED - 3) + "..." : text;
        return '"' + t + '"';
    }
}
