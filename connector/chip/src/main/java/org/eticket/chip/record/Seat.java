package org.eticket.chip.record;

/**
 * Where this ticket's holder goes: entrance gate, seat type (S, A, …), floor and seat number. Kept
 * with each ticket, not with the event, because tickets of one event differ here (Fig 46).
 */
public record Seat(String gate, String seatType, String floor, String seatNumber) {

    public Seat {
        Limits.text(gate, "gate", 0, Limits.SHORT_MAX);
        Limits.text(seatType, "seat type", 0, Limits.SHORT_MAX);
        Limits.text(floor, "floor", 0, Limits.SHORT_MAX);
        Limits.text(seatNumber, "seat number", 0, Limits.SHORT_MAX);
    }
}
