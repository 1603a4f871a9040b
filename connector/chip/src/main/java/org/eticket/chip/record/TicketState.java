package org.eticket.chip.record;

import java.util.Optional;

/**
 * State of a ticket in its chip management area (Fig 11). The chip keeps it beside the signed
 * record and changes it only on a MACed NULLIFY: it moves forward, never back to VALID.
 */
public enum TicketState {
    VALID(0x01),
    NULLIFIED(0x02),
    USED(0x03);

    private final int code;

    TicketState(int code) {
        this.code = code;
    }

    /** The byte stored on the chip and sent as P1 of NULLIFY. */
    public int code() {
        return code;
    }

    public static Optional<TicketState> fromCode(int code) {
        for (TicketState state : values()) {
            if (state.code == code) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
