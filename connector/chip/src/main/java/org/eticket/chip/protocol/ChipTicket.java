package org.eticket.chip.protocol;

import org.eticket.chip.record.TicketState;

/**
 * One ticket management area as read from a chip: the chip-kept state and ticket ID, and the
 * ticket record reassembled from the event areas and this area. A nullified ticket keeps only
 * its ID and state; its record is erased and its memory freed, so {@link #record()} is null.
 */
public record ChipTicket(int index, TicketState state, String ticketId, int eventIndex, byte[] record) {

    public ChipTicket {
        record = record == null ? null : record.clone();
    }

    @Override
    public byte[] record() {
        return record == null ? null : record.clone();
    }
}
