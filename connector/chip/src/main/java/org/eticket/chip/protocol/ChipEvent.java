package org.eticket.chip.protocol;

/** One event on a chip: its event-ID area and event-information area (Fig 11), as stored. */
public record ChipEvent(int index, byte[] eventIdArea, byte[] eventInfoArea) {

    public ChipEvent {
        eventIdArea = eventIdArea.clone();
        eventInfoArea = eventInfoArea.clone();
    }

    @Override
    public byte[] eventIdArea() {
        return eventIdArea.clone();
    }

    @Override
    public byte[] eventInfoArea() {
        return eventInfoArea.clone();
    }
}
