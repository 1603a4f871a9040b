package org.eticket.connector.api;

import java.io.Serializable;

/**
 * The center's verdict on a terminal connection and, when admitted, the last event
 * sequence it already holds from that terminal (sent back in WELCOME so the terminal
 * drops what was delivered before a link broke).
 */
public record TerminalAdmission(boolean admitted, String reason, long lastSequence) implements Serializable {

    public static TerminalAdmission admitted(long lastSequence) {
        return new TerminalAdmission(true, null, lastSequence);
    }

    public static TerminalAdmission refused(String reason) {
        return new TerminalAdmission(false, reason, 0);
    }
}
