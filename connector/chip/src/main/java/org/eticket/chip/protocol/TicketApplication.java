package org.eticket.chip.protocol;

/**
 * Constants of the ticket application on the chip (README "Command set"). Interindustry commands
 * use CLA 00; the application's own reads CLA 80; commands that change the chip CLA 84, the
 * 7816-4 proprietary class with secure messaging, and carry a counter and a MAC.
 */
public final class TicketApplication {

    /** F0 = proprietary, unregistered AID; then ASCII "ETICKET". */
    private static final byte[] AID = {(byte) 0xF0, 'E', 'T', 'I', 'C', 'K', 'E', 'T'};

    public static final int CLA_INTERINDUSTRY = 0x00;
    public static final int CLA_PROPRIETARY = 0x80;
    public static final int CLA_SECURED = 0x84;

    public static final int INS_SELECT = 0xA4;
    public static final int INS_GET_CHALLENGE = 0x84;
    public static final int INS_INTERNAL_AUTHENTICATE = 0x88;
    public static final int INS_GET_RESPONSE = 0xC0;
    public static final int INS_READ_AREA = 0xB2;
    public static final int INS_READ_FREE_SPACE = 0xCA;
    /** PROVE TICKET: a ticket's state and record digest, MACed over the caller's challenge (settlement). */
    public static final int INS_PROVE_TICKET = 0xB4;
    public static final int INS_WRITE_TICKET = 0xE2;
    public static final int INS_NULLIFY = 0x0C;

    public static final int SELECT_BY_AID = 0x04;
    public static final int SELECT_RETURN_FCI = 0x00;
    public static final int SELECT_NO_RESPONSE_DATA = 0x0C;

    /** READ AREA P1 values: the areas of Fig 11, plus a directory of them. */
    public static final int AREA_DIRECTORY = 0x00;
    public static final int AREA_ISSUER = 0x01;
    public static final int AREA_EVENT_ID = 0x02;
    public static final int AREA_EVENT_INFO = 0x03;
    public static final int AREA_TICKET = 0x04;

    /** Event index of a nullified ticket, whose record is erased. */
    public static final int NO_EVENT = 0xFF;
    /** Events and tickets are indexed by one byte, FF reserved. */
    public static final int MAX_EVENTS = 0xFF;
    public static final int MAX_TICKETS = 0xFF;

    public static final int COUNTER_LENGTH = 4;
    /** PROVE TICKET's state byte for a ticket ID the chip does not hold. */
    public static final int TICKET_ABSENT = 0x00;

    private TicketApplication() {
    }

    public static byte[] aid() {
        return AID.clone();
    }
}
