package org.eticket.chip.record;

/**
 * One event ID and the gate area it opens. An event has several (C28, Fig 45): the gate compares
 * the IDs it was installed with against these before anything else (S4504).
 */
public record GateEventId(String gateArea, String eventId) {

    public GateEventId {
        Limits.text(gateArea, "gate area", 1, Limits.ID_MAX);
        Limits.text(eventId, "event ID", 1, Limits.ID_MAX);
    }
}
