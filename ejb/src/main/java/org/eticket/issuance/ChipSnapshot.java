package org.eticket.issuance;

/**
 * What the center read from a chip to settle an interrupted write: the SELECT answer (FCI: UID,
 * key version, write counter) and the attempt's ticket record as found on the chip (empty when
 * absent). Hex.
 */
public record ChipSnapshot(String selectResponse, String readBack) {
}
