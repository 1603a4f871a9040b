package org.eticket.connector.terminal;

import java.io.IOException;
import java.util.Optional;

/** The terminal's reader: the chip in its field, if any. */
public interface ChipPort {

    /** Waits up to the given time for a chip; returns its UID when one is in the field. */
    Optional<byte[]> awaitChip(long millis) throws IOException;

    /** Waits up to the given time for the chip to leave the field; true when it has. */
    boolean awaitRemoval(long millis) throws IOException;

    /** Sends a command APDU to the chip in the field and returns its response APDU. */
    byte[] transmit(byte[] commandApdu) throws IOException;
}
