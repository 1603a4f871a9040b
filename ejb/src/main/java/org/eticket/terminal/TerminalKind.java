package org.eticket.terminal;

/**
 * What a reader terminal is for, and where it must stand: a gate at a venue, a kiosk in a
 * store, a dispenser at either, a home reader/writer at a customer's home (neither).
 */
public enum TerminalKind {
    HOME_READER(false, false),
    KIOSK(false, true),
    GATE(true, false),
    DISPENSER(true, true);

    private final boolean atVenue;
    private final boolean atStore;

    TerminalKind(boolean atVenue, boolean atStore) {
        this.atVenue = atVenue;
        this.atStore = atStore;
    }

    public boolean mayStandAtVenue() {
        return atVenue;
    }

    public boolean mayStandAtStore() {
        return atStore;
    }
}
