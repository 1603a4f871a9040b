package org.eticket.chip.protocol;

import static org.eticket.chip.protocol.TicketApplication.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eticket.chip.apdu.ApduFormatException;
import org.eticket.chip.apdu.ApduTransport;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.ResponseApdu;
import org.eticket.chip.apdu.StatusWord;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.record.TicketRecord;
import org.eticket.chip.record.TicketState;

/**
 * Terminal side of the command set over any {@link ApduTransport}: selects the application, reads
 * the areas into records, collects chip-authentication evidence and relays the center's secured
 * commands. A chip's answers are checked for shape, so a broken or hostile chip gives a
 * {@link ChipAccessException}, never an unchecked exception.
 */
public final class ChipReader {

    private final ApduTransport transport;

    public ChipReader(ApduTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Sends one command and collects a response split by 61xx with GET RESPONSE. */
    public ResponseApdu transmit(CommandApdu command) throws ChipAccessException {
        ResponseApdu response = exchange(command);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(response.data());
        // A 64 KiB answer takes 256 GET RESPONSEs; more means the chip is stuck or hostile.
        for (int round = 0; response.sw1() == StatusWord.SW1_BYTES_REMAINING; round++) {
            if (round > CommandApdu.MAX_NE / CommandApdu.MAX_SHORT_NE) {
                throw new ChipAccessException("chip keeps announcing more bytes", response.sw());
            }
            int next = response.sw2() == 0 ? CommandApdu.MAX_SHORT_NE : response.sw2();
            response = exchange(ChipCommands.getResponse(next));
            data.writeBytes(response.data());
            if (data.size() > CommandApdu.MAX_NE) {
                throw new ChipAccessException("chip answer longer than " + CommandApdu.MAX_NE + " bytes", -1);
            }
        }
        return new ResponseApdu(data.toByteArray(), response.sw());
    }

    public ChipInfo select() throws ChipAccessException {
        byte[] fci = expectOk(ChipCommands.select(), "SELECT");
        return ChipInfo.fromFci(fci).orElseThrow(() -> malformed("SELECT answer"));
    }

    public FreeSpace freeSpace() throws ChipAccessException {
        byte[] d = expectOk(ChipCommands.readFreeSpace(), "READ FREE SPACE");
        if (d.length != 8) {
            throw malformed("free space answer");
        }
        return new FreeSpace(intAt(d, 0), intAt(d, 4));
    }

    /** GET CHALLENGE then INTERNAL AUTHENTICATE with the terminal's (or the center's) challenge. */
    public ChipAuthentication authenticate(byte[] terminalChallenge) throws ChipAccessException {
        byte[] chipChallenge = expectOk(ChipCommands.getChallenge(), "GET CHALLENGE");
        if (chipChallenge.length != ChipMacs.CHALLENGE_LENGTH) {
            throw malformed("challenge");
        }
        byte[] response = expectOk(ChipCommands.internalAuthenticate(terminalChallenge), "INTERNAL AUTHENTICATE");
        if (response.length != ChipMacs.AUTHENTICATION_RESPONSE_LENGTH) {
            throw malformed("authentication response");
        }
        return new ChipAuthentication(chipChallenge, terminalChallenge, response);
    }

    /** PROVE TICKET with the center's challenge: the chip's MACed statement of the ticket's state, for the center to check. */
    public TicketProof proveTicket(byte[] challenge, String ticketId) throws ChipAccessException {
        byte[] answer = expectOk(ChipCommands.proveTicket(challenge, ticketId), "PROVE TICKET");
        return TicketProof.of(challenge, ticketId, answer).orElseThrow(() -> malformed("ticket proof"));
    }

    /** Reads the issuer area, every event's areas and every ticket management area; call {@link #select()} first. */
    public ChipContent readContent() throws ChipAccessException {
        byte[] dir = expectOk(ChipCommands.readArea(AREA_DIRECTORY, 0), "directory");
        if (dir.length < 2 || dir.length != 2 + 2 * (dir[1] & 0xFF)) {
            throw malformed("directory");
        }
        int eventCount = dir[0] & 0xFF;
        int ticketCount = dir[1] & 0xFF;
        String issuer = utf8(expectOk(ChipCommands.readArea(AREA_ISSUER, 0), "issuer area"), "issuer area");
        List<ChipEvent> events = new ArrayList<>();
        for (int i = 0; i < eventCount; i++) {
            events.add(new ChipEvent(i,
                    expectOk(ChipCommands.readArea(AREA_EVENT_ID, i), "event-ID area"),
                    expectOk(ChipCommands.readArea(AREA_EVENT_INFO, i), "event-info area")));
        }
        List<ChipTicket> tickets = new ArrayList<>();
        for (int i = 0; i < ticketCount; i++) {
            tickets.add(ticket(i, expectOk(ChipCommands.readArea(AREA_TICKET, i), "ticket area"), events));
        }
        return new ChipContent(issuer, events, tickets);
    }

    /** Ticket area: state(1) event-index(1) id-length(1) ticket-ID [version(1) management-area]. */
    private static ChipTicket ticket(int index, byte[] area, List<ChipEvent> events) throws ChipAccessException {
        if (area.length < 3 || area.length < 3 + (area[2] & 0xFF)) {
            throw malformed("ticket area " + index);
        }
        Optional<TicketState> state = TicketState.fromCode(area[0] & 0xFF);
        int eventIndex = area[1] & 0xFF;
        int idEnd = 3 + (area[2] & 0xFF);
        String ticketId = utf8(Arrays.copyOfRange(area, 3, idEnd), "ticket ID");
        if (state.isEmpty()) {
            throw malformed("ticket state");
        }
        if (idEnd == area.length) {
            return new ChipTicket(index, state.get(), ticketId, eventIndex, null);
        }
        if (eventIndex >= events.size()) {
            throw malformed("event index of ticket " + index);
        }
        ChipEvent event = events.get(eventIndex);
        byte[] record = TicketRecord.assemble(area[idEnd] & 0xFF, event.eventIdArea(), event.eventInfoArea(),
                Arrays.copyOfRange(area, idEnd + 1, area.length));
        return new ChipTicket(index, state.get(), ticketId, eventIndex, record);
    }

    private ResponseApdu exchange(CommandApdu command) throws ChipAccessException {
        try {
            return ResponseApdu.parse(transport.transmit(command.encode()));
        } catch (ApduTransportException e) {
            throw new ChipAccessException("chip did not answer", e);
        } catch (ApduFormatException e) {
            throw new ChipAccessException("chip answer is no response APDU", e);
        }
    }

    private byte[] expectOk(CommandApdu command, String what) throws ChipAccessException {
        ResponseApdu response = transmit(command);
        if (!response.isOk()) {
            throw new ChipAccessException(what + " refused", response.sw());
        }
        return response.data();
    }

    private static String utf8(byte[] bytes, String what) throws ChipAccessException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(what);
        }
    }

    private static int intAt(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 4).getInt();
    }

    private static ChipAccessException malformed(String what) {
        return new ChipAccessException("malformed " + what, -1);
    }
}
