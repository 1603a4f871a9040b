package org.eticket.web.api;

/** The chip's response APDU in hex, and its status word on its own. */
public record TerminalApduDto(String response, String statusWord) {
}
