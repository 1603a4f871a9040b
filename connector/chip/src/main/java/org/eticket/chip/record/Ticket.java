package org.eticket.chip.record;

import java.util.List;
import java.util.Objects;

import org.eticket.chip.ChipUid;

/**
 * A ticket as issued to one chip: everything its record carries, in the clear. The center builds
 * one per write; a verifier returns one after checking signature, chip and seal.
 *
 * @param chipUid the chip the ticket is bound to (000 cl. 16): the signature and the seal of the
 *                personal part hold only on that chip
 */
public record Ticket(String ticketId, ChipUid chipUid, List<GateEventId> eventIds, EventInfo event,
                     Seat seat, String seller, PersonalData personal) {

    public Ticket {
        Limits.text(ticketId, "ticket ID", 1, Limits.ID_MAX);
        Objects.requireNonNull(chipUid, "chipUid");
        eventIds = List.copyOf(eventIds);
        if (eventIds.isEmpty() || eventIds.size() > Limits.GATE_EVENT_IDS_MAX) {
            throw new IllegalArgumentException("a ticket has 1 to " + Limits.GATE_EVENT_IDS_MAX + " event IDs");
        }
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(seat, "seat");
        Limits.text(seller, "seller", 0, Limits.NAME_MAX);
        Objects.requireNonNull(personal, "personal");
    }

    /** The same ticket bound to another chip, as an assignment re-issues it (C20, C22). */
    public Ticket reboundTo(ChipUid chip) {
        return new Ticket(ticketId, chip, eventIds, event, seat, seller, personal);
    }
}
