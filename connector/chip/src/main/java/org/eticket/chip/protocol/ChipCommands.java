package org.eticket.chip.protocol;

import static org.eticket.chip.protocol.TicketApplication.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.ResponseApdu;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.record.TicketState;

/**
 * Builds the application's commands. WRITE TICKET and NULLIFY are built by the center, which
 * derives the chip's write key; a terminal relays the bytes and can neither forge nor replay them
 * (C19; 004 "special machine provided with a unique access key").
 */
public final class ChipCommands {

    private static final int ANY_LENGTH = CommandApdu.MAX_SHORT_NE;

    private ChipCommands() {
    }

    public static CommandApdu select() {
        return new CommandApdu(CLA_INTERINDUSTRY, INS_SELECT, SELECT_BY_AID, SELECT_RETURN_FCI, aid(), ANY_LENGTH);
    }

    /** READ AREA: {@code area} is one of the {@code AREA_*} constants, {@code index} the event or ticket index. */
    public static CommandApdu readArea(int area, int index) {
        return new CommandApdu(CLA_PROPRIETARY, INS_READ_AREA, area, index, ANY_LENGTH);
    }

    public static CommandApdu readFreeSpace() {
        return new CommandApdu(CLA_PROPRIETARY, INS_READ_FREE_SPACE, 0, 0, ANY_LENGTH);
    }

    public static CommandApdu getChallenge() {
        return new CommandApdu(CLA_INTERINDUSTRY, INS_GET_CHALLENGE, 0, 0, ChipMacs.CHALLENGE_LENGTH);
    }

    public static CommandApdu internalAuthenticate(byte[] terminalChallenge) {
        if (terminalChallenge.length != ChipMacs.CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("terminal challenge has " + ChipMacs.CHALLENGE_LENGTH + " bytes");
        }
        return new CommandApdu(CLA_INTERINDUSTRY, INS_INTERNAL_AUTHENTICATE, 0, 0, terminalChallenge,
                ChipMacs.AUTHENTICATION_RESPONSE_LENGTH);
    }

    /** PROVE TICKET: the chip's MACed statement of {@code ticketId}'s state and record over {@code challenge}. */
    public static CommandApdu proveTicket(byte[] challenge, String ticketId) {
        if (challenge.length != ChipMacs.CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("challenge has " + ChipMacs.CHALLENGE_LENGTH + " bytes");
        }
        byte[] id = ticketIdField(ticketId);
        byte[] data = Arrays.copyOf(challenge, challenge.length + id.length);
        System.arraycopy(id, 0, data, challenge.length, id.length);
        return new CommandApdu(CLA_PROPRIETARY, INS_PROVE_TICKET, 0, 0, data, TicketProof.ANSWER_LENGTH);
    }

    public static CommandApdu getResponse(int ne) {
        return new CommandApdu(CLA_INTERINDUSTRY, INS_GET_RESPONSE, 0, 0, ne);
    }

    /**
     * WRITE TICKET: stores {@code record}, replacing a ticket with the same ticket ID.
     *
     * @param counter the chip's write counter from SELECT plus one
     */
    public static CommandApdu writeTicket(ChipKeys keys, ChipUid uid, long counter, byte[] record) {
        Objects.requireNonNull(record, "record");
        return secured(keys, uid, INS_WRITE_TICKET, 0, counter, record);
    }

    /** NULLIFY to NULLIFIED: erases the ticket's record, keeps its ID and state (assignment, paper conversion). */
    public static CommandApdu nullify(ChipKeys keys, ChipUid uid, long counter, String ticketId) {
        return secured(keys, uid, INS_NULLIFY, TicketState.NULLIFIED.code(), counter, ticketIdField(ticketId));
    }

    /** NULLIFY to USED: the record stays readable (seat for re-entry, C32) but the ticket is spent. */
    public static CommandApdu markUsed(ChipKeys keys, ChipUid uid, long counter, String ticketId) {
        return secured(keys, uid, INS_NULLIFY, TicketState.USED.code(), counter, ticketIdField(ticketId));
    }

    /**
     * Whether the chip executed {@code command}: a 9000 answer carrying the command's counter and a
     * response MAC only the chip's write key can make (C14 "the write is verified").
     */
    public static boolean verifyResponse(ChipKeys keys, ChipUid uid, CommandApdu command, ResponseApdu response) {
        byte[] sent = command.data();
        byte[] answer = response.data();
        if (!response.isOk() || sent.length < COUNTER_LENGTH + ChipMacs.MAC_LENGTH
                || answer.length != COUNTER_LENGTH + ChipMacs.MAC_LENGTH
                || !Arrays.equals(sent, 0, COUNTER_LENGTH, answer, 0, COUNTER_LENGTH)) {
            return false;
        }
        byte[] commandMac = Arrays.copyOfRange(sent, sent.length - ChipMacs.MAC_LENGTH, sent.length);
        long counter = counterOf(answer);
        return ChipMacs.matches(ChipMacs.responseMac(keys.writeKey(), uid, counter, commandMac),
                Arrays.copyOfRange(answer, COUNTER_LENGTH, answer.length));
    }

    private static CommandApdu secured(ChipKeys keys, ChipUid uid, int ins, int p1, long counter, byte[] payload) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(payload.length + 12);
        data.writeBytes(ChipMacs.counterBytes(counter));
        data.writeBytes(payload);
        byte[] maced = data.toByteArray();
        data.writeBytes(ChipMacs.commandMac(keys.writeKey(), uid, CLA_SECURED, ins, p1, 0, maced, 0, maced.length));
        byte[] body = data.toByteArray();
        int ne = body.length > CommandApdu.MAX_SHORT_NC ? CommandApdu.MAX_NE : ANY_LENGTH;
        return new CommandApdu(CLA_SECURED, ins, p1, 0, body, ne);
    }

    private static byte[] ticketIdField(String ticketId) {
        byte[] id = ticketId.getBytes(StandardCharsets.UTF_8);
        if (id.length < 1 || id.length > 0xFF) {
            throw new IllegalArgumentException("ticket ID has 1 to 255 bytes");
        }
        byte[] field = new byte[1 + id.length];
        field[0] = (byte) id.length;
        System.arraycopy(id, 0, field, 1, id.length);
        return field;
    }

    static long counterOf(byte[] b) {
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }
}
