package org.eticket.chip.card;

/** Test hook: the simulated chip lost power in the middle of an EEPROM write (see {@link MemoryEeprom#cutPowerAfter}). */
public class PowerLossException extends RuntimeException {

    public PowerLossException(long bytesWritten) {
        super("power lost after " + bytesWritten + " EEPROM bytes");
    }
}
