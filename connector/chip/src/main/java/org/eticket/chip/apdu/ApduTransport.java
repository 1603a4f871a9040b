package org.eticket.chip.apdu;

/**
 * Sends one command APDU to a chip and returns its response APDU (data + SW1 SW2), like
 * {@code javax.smartcardio.CardChannel#transmit}. Implemented in-process by the card emulator
 * and, later, by a PC/SC reader; the terminal code is the same for both.
 */
@FunctionalInterface
public interface ApduTransport {

    byte[] transmit(byte[] command) throws ApduTransportException;
}
