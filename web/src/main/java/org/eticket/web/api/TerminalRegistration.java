package org.eticket.web.api;

/** An administrator's registration of a terminal: a GATE at a venue, a KIOSK at a store, a DISPENSER at either, a HOME_READER at neither. */
public record TerminalRegistration(String terminalId, String kind, String place, String venueCode, String storeCode) {
}
