package org.eticket.web.api;

/** A device command: LAMP_OFF, LAMP_BLUE, LAMP_RED, DISPLAY (text, large), AUDIO (text = message name), OPEN_GATE, PRINT (text). */
public record TerminalCommandRequest(String command, String text, Boolean large, Integer timeoutMillis) {
}
