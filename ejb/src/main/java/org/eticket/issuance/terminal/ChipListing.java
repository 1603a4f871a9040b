package org.eticket.issuance.terminal;

import java.util.List;

/**
 * What a chip holds, read through a terminal (001 claims 3, 13; C30): each ticket with the public
 * fields of its record and the center's verdict on it (bound to this chip, signed by the event).
 * The personal part stays sealed.
 */
public record ChipListing(String terminalId, String chipUid, int freeBytes, int capacity, int events,
                          List<Entry> tickets) {

    public record Entry(String ticketId, String state, String eventName, String venue, String date, String startTime,
                        String gate, String seatType, String floor, String seatNumber, String seller,
                        boolean verified, String verdict) {
    }
}
