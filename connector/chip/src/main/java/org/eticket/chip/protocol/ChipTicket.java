package org.eticket.chip.protocol;

import java.util.Optional;

import org.eticket.chip.record.TicketState;

/**
 * One ticket management area as read from a chip: the chip-kept state and ticket ID, and the
 * ticket record reassembled from the event areas and this area. A nullified ticket keeps only
 * its ID and state; its record is erased and its memory freed.
 */
public record ChipTicket(int index, TicketState state, String ticketId, int eventIndex, byte[] record) {

    public ChipTicket {
        record = record == null ? null : record.clone();
    }

    @Override
    public byte[] record() {
        return record == null ? null : record.clone();
    }

    public Optional<byte[]> encodedRecord() {
        return Optional.ofNullable(record());
    }
}
