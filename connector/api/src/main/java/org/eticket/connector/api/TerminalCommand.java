package org.eticket.connector.api;

import java.io.Serializable;
import java.util.Objects;

/** A command for a terminal's devices (lamp, display, speaker, flap gate, printer). */
public record TerminalCommand(Kind kind, String text, boolean large) implements Serializable {

    /** What the terminal is asked to do. */
    public enum Kind { LAMP_OFF, LAMP_BLUE, LAMP_RED, DISPLAY, AUDIO, OPEN_GATE, PRINT }

    public TerminalCommand {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DISPLAY || kind == Kind.AUDIO || kind == Kind.PRINT) && text == null) {
            throw new IllegalArgumentException(kind + " needs a text");
        }
    }

    public static TerminalCommand lampBlue() { return new TerminalCommand(Kind.LAMP_BLUE, null, false); }

    public static TerminalCommand lampRed() { return new TerminalCommand(Kind.LAMP_RED, null, false); }

    public static TerminalCommand lampOff() { return new TerminalCommand(Kind.LAMP_OFF, null, false); }

    public static TerminalCommand display(String text, boolean large) { return new TerminalCommand(Kind.DISPLAY, text, large); }

    /** Plays the named audio message (e.g. "bring-card-close"). */
    public static TerminalCommand audio(String message) { return new TerminalCommand(Kind.AUDIO, message, false); }

    public static TerminalCommand openGate() { return new TerminalCommand(Kind.OPEN_GATE, null, false); }

    public static TerminalCommand print(String text) { return new TerminalCommand(Kind.PRINT, text, false); }
}
