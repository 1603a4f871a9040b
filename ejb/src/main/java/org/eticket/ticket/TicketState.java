package org.eticket.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one seat of one performance in the electronic ticket master (design §6,
 * Fig 4). A seat has no ticket until it is allocated to a seller; from then on one
 * {@link Ticket} row follows it, and every change of state is a journal entry.
 */
public enum TicketState {
    /** In a seller's stock, for sale by that seller. */
    ALLOCATED,
    /** Held for a buyer during checkout, until the hold expires. */
    HELD,
    /** Paid for; awaiting download to a chip (or printing). */
    SOLD,
    /** Written to exactly one chip. */
    ISSUED,
    /** Being moved from one chip to another (transfer); still on the old chip until done. */
    ASSIGNING,
    /** Admitted at the gate. */
    USED,
    /** Converted to a paper ticket; no longer on any chip. */
    PAPER,
    /** Cancelled; never valid again. */
    NULLIFIED,
    /** The seller asked the organizer to take the seat back. */
    RETURN_REQUESTED,
    /** Taken back by the organizer; in nobody's stock until re-allocated. */
    RETURNED;

    /** States in which the seat belongs to a buyer (it can never be allocated or sold again). */
    public static final Set<TicketState> OWNED = EnumSet.of(SOLD, ISSUED, ASSIGNING, USED, PAPER);

    /** Whether a ticket in this state may move to {@code next}. */
    public boolean canMoveTo(TicketState next) {
        return switch (this) {
            case ALLOCATED -> next == HELD || next == SOLD || next == RETURN_REQUESTED;
            case HELD -> next == ALLOCATED || next == SOLD;
            case SOLD -> next == ISSUED || next == PAPER || next == NULLIFIED;
            case ISSUED -> next == ASSIGNING || next == USED || next == PAPER || next == NULLIFIED;
            case ASSIGNING -> next == ISSUED;
            case PAPER -> next == USED || next == NULLIFIED;
            case RETURN_REQUESTED -> next == ALLOCATED || next == RETURNED;
            case RETURNED -> next == ALLOCATED;
            case USED, NULLIFIED -> false;
        };
    }

    /** In a seller's stock and free to be sold now. */
    public boolean isAvailable() {
        return this == ALLOCATED;
    }
}
