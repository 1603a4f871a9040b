package org.eticket.chip.card;

import static org.eticket.chip.apdu.StatusWord.*;
import static org.eticket.chip.protocol.TicketApplication.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.ApduFormatException;
import org.eticket.chip.apdu.ApduTransport;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.ResponseApdu;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.protocol.ChipInfo;
import org.eticket.chip.record.RecordFormatException;
import org.eticket.chip.record.TicketRecord;
import org.eticket.chip.record.TicketState;

/**
 * A chip running the ticket application (README "Command set"). Reads need no key (004, access
 * key text); WRITE TICKET and NULLIFY execute only with a MAC under the chip's own write key over
 * the command and the next value of its write counter (C19, 002 cl. 72). A refused command
 * changes nothing; an accepted one is committed to EEPROM atomically ({@link ChipImage}).
 */
public final class ChipEmulator implements ApduTransport {

    private final Eeprom eeprom;
    private final SecureRandom random = new SecureRandom();

    private ChipState state;
    private int activeSlot;
    private long sequence;

    // RAM: lost on reset or power loss, as on a real chip.
    private boolean selected;
    private byte[] challenge;
    private byte[] pendingResponse;
    private boolean powerLost;

    private ChipEmulator(Eeprom eeprom, ChipImage.Slot slot) {
        this.eeprom = eeprom;
        this.state = slot.state();
        this.activeSlot = slot.index();
        this.sequence = slot.sequence();
    }

    /** EEPROM bytes a chip of {@code capacity} user bytes needs (two shadow slots). */
    public static int eepromSize(int capacity) {
        return ChipImage.eepromSize(capacity);
    }

    /** A chip in memory only, for tests and in-process terminals. */
    public static ChipEmulator inMemory(ChipPersonalization personalization) {
        try {
            return personalize(new MemoryEeprom(eepromSize(personalization.capacity())), personalization);
        } catch (IOException e) {
            throw new IllegalStateException("memory EEPROM cannot fail to sync", e);
        }
    }

    /** Writes a new chip's first image into an empty EEPROM. */
    public static ChipEmulator personalize(Eeprom eeprom, ChipPersonalization personalization) throws IOException {
        Objects.requireNonNull(eeprom, "eeprom");
        if (eeprom.size() < eepromSize(personalization.capacity())) {
            throw new IllegalArgumentException("EEPROM smaller than " + eepromSize(personalization.capacity()) + " bytes");
        }
        ChipState initial = ChipState.personalized(personalization);
        ChipImage.commit(eeprom, 0, 1, initial.encode());
        eeprom.sync();
        return new ChipEmulator(eeprom, new ChipImage.Slot(initial, 0, 1));
    }

    /** Powers a chip up from its EEPROM: the newest committed image, whatever was interrupted. */
    public static ChipEmulator boot(Eeprom eeprom) throws IOException {
        return new ChipEmulator(eeprom, ChipImage.load(eeprom));
    }

    public synchronized ChipUid uid() {
        return state.uid;
    }

    /** Field reset: selection, challenge and pending response are gone; the EEPROM content stays. */
    public synchronized void reset() {
        selected = false;
        challenge = null;
        pendingResponse = null;
    }

    @Override
    public synchronized byte[] transmit(byte[] command) throws ApduTransportException {
        Objects.requireNonNull(command, "command");
        if (powerLost) {
            throw new ApduTransportException("chip has no power; boot it again from its EEPROM");
        }
        try {
            return process(command).encode();
        } catch (PowerLossException e) {
            powerLost = true;
            throw new ApduTransportException("chip lost power during the command", e);
        }
    }

    private ResponseApdu process(byte[] raw) {
        CommandApdu c;
        try {
            c = CommandApdu.parse(raw);
        } catch (ApduFormatException e) {
            pendingResponse = null;
            return ResponseApdu.status(WRONG_LENGTH);
        }
        if (c.cla() == CLA_INTERINDUSTRY && c.ins() == INS_GET_RESPONSE) {
            return getResponse(c);
        }
        pendingResponse = null;
        return switch (c.cla()) {
            case CLA_INTERINDUSTRY -> switch (c.ins()) {
                case INS_SELECT -> select(c);
                case INS_GET_CHALLENGE -> whenSelected(c, this::getChallenge);
                case INS_INTERNAL_AUTHENTICATE -> whenSelected(c, this::internalAuthenticate);
                default -> ResponseApdu.status(INS_NOT_SUPPORTED);
            };
            case CLA_PROPRIETARY -> switch (c.ins()) {
                case INS_READ_AREA -> whenSelected(c, this::readArea);
                case INS_READ_FREE_SPACE -> whenSelected(c, this::readFreeSpace);
                case INS_PROVE_TICKET -> whenSelected(c, this::proveTicket);
                // Changing the chip without secure messaging is exactly what the access key forbids.
                case INS_WRITE_TICKET, INS_NULLIFY -> ResponseApdu.status(SECURITY_STATUS_NOT_SATISFIED);
                default -> ResponseApdu.status(INS_NOT_SUPPORTED);
            };
            case CLA_SECURED -> switch (c.ins()) {
                case INS_WRITE_TICKET -> whenSelected(c, this::writeTicket);
                case INS_NULLIFY -> whenSelected(c, this::nullify);
                default -> ResponseApdu.status(INS_NOT_SUPPORTED);
            };
            default -> ResponseApdu.status(CLA_NOT_SUPPORTED);
        };
    }

    private ResponseApdu whenSelected(CommandApdu c, Handler handler) {
        return selected ? handler.handle(c) : ResponseApdu.status(CONDITIONS_OF_USE_NOT_SATISFIED);
    }

    private interface Handler {
        ResponseApdu handle(CommandApdu command);
    }

    private ResponseApdu select(CommandApdu c) {
        if (c.p1() != SELECT_BY_AID || (c.p2() != SELECT_RETURN_FCI && c.p2() != SELECT_NO_RESPONSE_DATA)) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        if (c.nc() < 5 || c.nc() > 16) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        selected = Arrays.equals(c.data(), aid());
        challenge = null;
        if (!selected) {
            return ResponseApdu.status(NOT_FOUND);
        }
        if (c.p2() == SELECT_NO_RESPONSE_DATA) {
            return ResponseApdu.status(OK);
        }
        return respond(new ChipInfo(state.uid, state.keys.keyVersion(), state.counter).toFci(), c.ne());
    }

    private ResponseApdu getChallenge(CommandApdu c) {
        if (c.p1() != 0 || c.p2() != 0) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        if (c.nc() != 0 || c.ne() < ChipMacs.CHALLENGE_LENGTH) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        challenge = new byte[ChipMacs.CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return respond(challenge.clone(), c.ne());
    }

    private ResponseApdu internalAuthenticate(CommandApdu c) {
        if (c.p1() != 0 || c.p2() != 0) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        if (c.nc() != ChipMacs.CHALLENGE_LENGTH) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        if (challenge == null) {
            return ResponseApdu.status(CONDITIONS_OF_USE_NOT_SATISFIED);
        }
        byte[] chipChallenge = challenge;
        challenge = null; // one answer per challenge
        return respond(ChipMacs.authenticationResponse(state.keys.authenticationKey(), state.uid,
                chipChallenge, c.data()), c.ne());
    }

    private ResponseApdu readArea(CommandApdu c) {
        if (c.nc() != 0) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        int index = c.p2();
        return switch (c.p1()) {
            case AREA_DIRECTORY -> index == 0 ? respond(state.directory(), c.ne()) : ResponseApdu.status(INCORRECT_P1_P2);
            case AREA_ISSUER -> index == 0 ? respond(state.issuer.clone(), c.ne()) : ResponseApdu.status(INCORRECT_P1_P2);
            case AREA_EVENT_ID -> index < state.events.size()
                    ? respond(state.events.get(index).idArea().clone(), c.ne()) : ResponseApdu.status(NOT_FOUND);
            case AREA_EVENT_INFO -> index < state.events.size()
                    ? respond(state.events.get(index).infoArea().clone(), c.ne()) : ResponseApdu.status(NOT_FOUND);
            case AREA_TICKET -> index < state.tickets.size()
                    ? respond(state.ticketArea(index), c.ne()) : ResponseApdu.status(NOT_FOUND);
            default -> ResponseApdu.status(INCORRECT_P1_P2);
        };
    }

    private ResponseApdu readFreeSpace(CommandApdu c) {
        if (c.p1() != 0 || c.p2() != 0) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        if (c.nc() != 0) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        return respond(ByteBuffer.allocate(8).putInt(state.capacity - state.usedBytes()).putInt(state.capacity).array(),
                c.ne());
    }

    /**
     * PROVE TICKET data: challenge(8) ID-length(1) ticket-ID. Answers counter(4) state(1) digest(32)
     * proof(16): the ticket's state (00 absent) and the SHA-256 of its record (zeros without one),
     * MACed with the authentication key over the caller's challenge. Changes nothing.
     */
    private ResponseApdu proveTicket(CommandApdu c) {
        if (c.p1() != 0 || c.p2() != 0) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        byte[] data = c.data();
        int idOffset = ChipMacs.CHALLENGE_LENGTH + 1;
        if (data.length <= idOffset || data.length != idOffset + (data[ChipMacs.CHALLENGE_LENGTH] & 0xFF)) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        byte[] challenge = Arrays.copyOf(data, ChipMacs.CHALLENGE_LENGTH);
        byte[] ticketId = Arrays.copyOfRange(data, idOffset, data.length);
        Optional<Integer> index = state.ticketIndex(ticketId);
        int ticketState = index.map(i -> state.tickets.get(i).state().code()).orElse(TICKET_ABSENT);
        byte[] digest = ChipMacs.recordDigest(index.map(state::record).orElse(null));
        byte[] proof = ChipMacs.ticketProof(state.keys.authenticationKey(), state.uid, challenge, ticketId, state.counter,
                ticketState, digest);
        return respond(ByteBuffer.allocate(COUNTER_LENGTH + 1 + digest.length + proof.length)
                .put(ChipMacs.counterBytes(state.counter)).put((byte) ticketState).put(digest).put(proof).array(), c.ne());
    }

    /** WRITE TICKET data: counter(4) record MAC(8). */
    private ResponseApdu writeTicket(CommandApdu c) {
        if (c.p1() != 0 || c.p2() != 0) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        byte[] data = c.data();
        if (data.length < COUNTER_LENGTH + ChipMacs.MAC_LENGTH) {
            return ResponseApdu.status(INCORRECT_SECURE_MESSAGING_DATA);
        }
        Optional<Long> counter = authenticate(c, data);
        if (counter.isEmpty()) {
            return ResponseApdu.status(SECURITY_STATUS_NOT_SATISFIED);
        }
        TicketRecord record;
        try {
            record = TicketRecord.parse(Arrays.copyOfRange(data, COUNTER_LENGTH, data.length - ChipMacs.MAC_LENGTH));
        } catch (RecordFormatException e) {
            return ResponseApdu.status(INCORRECT_DATA);
        }
        if (!record.chipUid().equals(state.uid)) {
            return ResponseApdu.status(INCORRECT_DATA);
        }
        ChipState next = state.copy();
        next.counter = counter.get();
        next.store(record);
        if (!next.fits()) {
            return ResponseApdu.status(NOT_ENOUGH_MEMORY);
        }
        return commit(next, c, data);
    }

    /** NULLIFY data: counter(4) ID-length(1) ticket-ID MAC(8); P1 the target state. */
    private ResponseApdu nullify(CommandApdu c) {
        Optional<TicketState> target = TicketState.fromCode(c.p1()).filter(s -> s != TicketState.VALID);
        if (target.isEmpty() || c.p2() != 0) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        byte[] data = c.data();
        if (data.length < COUNTER_LENGTH + 1 + ChipMacs.MAC_LENGTH) {
            return ResponseApdu.status(INCORRECT_SECURE_MESSAGING_DATA);
        }
        int idLength = data[COUNTER_LENGTH] & 0xFF;
        if (data.length != COUNTER_LENGTH + 1 + idLength + ChipMacs.MAC_LENGTH) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        Optional<Long> counter = authenticate(c, data);
        if (counter.isEmpty()) {
            return ResponseApdu.status(SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] ticketId = Arrays.copyOfRange(data, COUNTER_LENGTH + 1, COUNTER_LENGTH + 1 + idLength);
        Optional<Integer> index = state.ticketIndex(ticketId);
        if (index.isEmpty()) {
            return ResponseApdu.status(NOT_FOUND);
        }
        TicketState current = state.tickets.get(index.get()).state();
        if (current == TicketState.NULLIFIED || current == target.get()) {
            return ResponseApdu.status(CONDITIONS_OF_USE_NOT_SATISFIED);
        }
        ChipState next = state.copy();
        next.counter = counter.get();
        next.changeState(index.get(), target.get());
        return commit(next, c, data);
    }

    /** The command's counter if its MAC is right and the counter is the chip's next one; else empty. */
    private Optional<Long> authenticate(CommandApdu c, byte[] data) {
        int macOffset = data.length - ChipMacs.MAC_LENGTH;
        byte[] expected = ChipMacs.commandMac(state.keys.writeKey(), state.uid, c.cla(), c.ins(), c.p1(), c.p2(),
                data, 0, macOffset);
        long counter = ByteBuffer.wrap(data, 0, COUNTER_LENGTH).getInt() & 0xFFFF_FFFFL;
        boolean macOk = ChipMacs.matches(expected, Arrays.copyOfRange(data, macOffset, data.length));
        return macOk && counter == state.counter + 1 ? Optional.of(counter) : Optional.empty();
    }

    private ResponseApdu commit(ChipState next, CommandApdu c, byte[] data) {
        int target = 1 - activeSlot;
        ChipImage.commit(eeprom, target, sequence + 1, next.encode());
        try {
            eeprom.sync();
        } catch (IOException e) {
            return recoverFromFailedSync();
        }
        state = next;
        activeSlot = target;
        sequence++;
        byte[] commandMac = Arrays.copyOfRange(data, data.length - ChipMacs.MAC_LENGTH, data.length);
        byte[] answer = ByteBuffer.allocate(COUNTER_LENGTH + ChipMacs.MAC_LENGTH)
                .put(ChipMacs.counterBytes(next.counter))
                .put(ChipMacs.responseMac(state.keys.writeKey(), state.uid, next.counter, commandMac))
                .array();
        return respond(answer, c.ne());
    }

    /** The EEPROM rolled back to its last durable image; run on that one, or stop like a broken chip. */
    private ResponseApdu recoverFromFailedSync() {
        try {
            ChipImage.Slot slot = ChipImage.load(eeprom);
            state = slot.state();
            activeSlot = slot.index();
            sequence = slot.sequence();
        } catch (IOException e) {
            powerLost = true;
        }
        return ResponseApdu.status(MEMORY_FAILURE);
    }

    private ResponseApdu getResponse(CommandApdu c) {
        byte[] pending = pendingResponse;
        pendingResponse = null;
        if (pending == null) {
            return ResponseApdu.status(CONDITIONS_OF_USE_NOT_SATISFIED);
        }
        if (c.p1() != 0 || c.p2() != 0) {
            return ResponseApdu.status(INCORRECT_P1_P2);
        }
        if (c.nc() != 0 || c.ne() == 0) {
            return ResponseApdu.status(WRONG_LENGTH);
        }
        return respond(pending, c.ne());
    }

    /** Answers up to Ne bytes; the rest waits for GET RESPONSE behind 61xx (7816-4 §5.3.4). */
    private ResponseApdu respond(byte[] data, int ne) {
        if (data.length <= ne) {
            return new ResponseApdu(data, OK);
        }
        pendingResponse = Arrays.copyOfRange(data, ne, data.length);
        int announced = Math.min(pendingResponse.length, CommandApdu.MAX_SHORT_NE) & 0xFF;
        return new ResponseApdu(Arrays.copyOf(data, ne), (SW1_BYTES_REMAINING << 8) | announced);
    }
}
