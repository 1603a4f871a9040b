package org.eticket.chip.card;

import java.io.IOException;

/** The chip's non-volatile memory, written one byte after another, as a real EEPROM page is. */
public interface Eeprom {

    int size();

    byte[] read(int offset, int length);

    /** Writes {@code data} at {@code offset}, byte by byte; a power loss may stop it after any byte. */
    void write(int offset, byte[] data);

    /** Makes all writes so far durable at once; on failure the memory is as at the previous sync. */
    void sync() throws IOException;
}
