package org.eticket.web.api;

/** A command APDU in hex for the chip in a terminal's reader; timeout in milliseconds (default 5000). */
public record TerminalApduRequest(String apdu, Integer timeoutMillis) {
}
