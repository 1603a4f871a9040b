package org.eticket.chip.card;

import static org.eticket.chip.protocol.TicketApplication.MAX_EVENTS;
import static org.eticket.chip.protocol.TicketApplication.MAX_TICKETS;
import static org.eticket.chip.protocol.TicketApplication.NO_EVENT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.record.TicketRecord;
import org.eticket.chip.record.TicketState;

/**
 * The chip's persistent content (Fig 11): issuer area, per event an event-ID area and an
 * event-info area shared by that event's tickets, per ticket a management area. Used memory is
 * the size of the data region as serialized here, so "full" means what it would on a real chip.
 * Commands work on a {@link #copy()} and commit it whole, or drop it.
 */
final class ChipState {

    private static final byte[] MAGIC = {'E', 'T', 'C', '1'};
    /** Magic, UID, key version, write key, authentication key, capacity, write counter. */
    static final int SYSTEM_LENGTH = MAGIC.length + ChipUid.LENGTH + 1 + 16 + 16 + 4 + 4;

    record EventArea(byte[] idArea, byte[] infoArea) {
        int size() {
            return 4 + idArea.length + infoArea.length;
        }

        boolean sameAs(byte[] id, byte[] info) {
            return Arrays.equals(idArea, id) && Arrays.equals(infoArea, info);
        }
    }

    /** @param body record version and management area; empty once nullified */
    record TicketArea(TicketState state, int eventIndex, byte[] ticketId, byte[] body) {
        int size() {
            return 5 + ticketId.length + body.length;
        }

        boolean hasRecord() {
            return body.length > 0;
        }
    }

    final ChipUid uid;
    final ChipKeys keys;
    final int capacity;
    long counter;
    final byte[] issuer;
    final List<EventArea> events;
    final List<TicketArea> tickets;

    private ChipState(ChipUid uid, ChipKeys keys, int capacity, long counter, byte[] issuer,
                      List<EventArea> events, List<TicketArea> tickets) {
        this.uid = uid;
        this.keys = keys;
        this.capacity = capacity;
        this.counter = counter;
        this.issuer = issuer;
        this.events = events;
        this.tickets = tickets;
    }

    static ChipState personalized(ChipPersonalization p) {
        return new ChipState(p.uid(), p.keys(), p.capacity(), 0, p.issuer().getBytes(StandardCharsets.UTF_8),
                new ArrayList<>(), new ArrayList<>());
    }

    ChipState copy() {
        return new ChipState(uid, keys, capacity, counter, issuer, new ArrayList<>(events), new ArrayList<>(tickets));
    }

    int usedBytes() {
        int used = 2 + issuer.length + 1 + 1;
        for (EventArea e : events) {
            used += e.size();
        }
        for (TicketArea t : tickets) {
            used += t.size();
        }
        return used;
    }

    boolean fits() {
        return events.size() <= MAX_EVENTS && tickets.size() <= MAX_TICKETS && usedBytes() <= capacity;
    }

    Optional<Integer> ticketIndex(byte[] ticketId) {
        for (int i = 0; i < tickets.size(); i++) {
            if (Arrays.equals(tickets.get(i).ticketId(), ticketId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Stores a record as a VALID ticket, replacing one with the same ticket ID; its event areas are shared. */
    void store(TicketRecord record) {
        byte[] id = record.eventIdArea();
        byte[] info = record.eventInfoArea();
        int eventIndex = -1;
        for (int i = 0; i < events.size() && eventIndex < 0; i++) {
            if (events.get(i).sameAs(id, info)) {
                eventIndex = i;
            }
        }
        if (eventIndex < 0) {
            events.add(new EventArea(id, info));
            eventIndex = events.size() - 1;
        }
        byte[] management = record.managementArea();
        byte[] body = new byte[1 + management.length];
        body[0] = (byte) record.version();
        System.arraycopy(management, 0, body, 1, management.length);
        byte[] ticketId = record.ticketId().getBytes(StandardCharsets.UTF_8);
        TicketArea ticket = new TicketArea(TicketState.VALID, eventIndex, ticketId, body);
        Optional<Integer> existing = ticketIndex(ticketId);
        if (existing.isPresent()) {
            tickets.set(existing.get(), ticket);
        } else {
            tickets.add(ticket);
        }
        dropUnusedEvents();
    }

    /** USED keeps the record; NULLIFIED erases it and frees its memory, keeping ID and state. */
    void changeState(int index, TicketState target) {
        TicketArea t = tickets.get(index);
        tickets.set(index, target == TicketState.NULLIFIED
                ? new TicketArea(target, NO_EVENT, t.ticketId(), new byte[0])
                : new TicketArea(target, t.eventIndex(), t.ticketId(), t.body()));
        dropUnusedEvents();
    }

    private void dropUnusedEvents() {
        int[] newIndex = new int[events.size()];
        Arrays.fill(newIndex, -1);
        for (TicketArea t : tickets) {
            if (t.hasRecord()) {
                newIndex[t.eventIndex()] = 0;
            }
        }
        List<EventArea> kept = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (newIndex[i] == 0) {
                newIndex[i] = kept.size();
                kept.add(events.get(i));
            }
        }
        events.clear();
        events.addAll(kept);
        for (int i = 0; i < tickets.size(); i++) {
            TicketArea t = tickets.get(i);
            if (t.hasRecord()) {
                tickets.set(i, new TicketArea(t.state(), newIndex[t.eventIndex()], t.ticketId(), t.body()));
            }
        }
    }

    /** READ AREA directory: event count, ticket count, then state and event index per ticket. */
    byte[] directory() {
        byte[] d = new byte[2 + 2 * tickets.size()];
        d[0] = (byte) events.size();
        d[1] = (byte) tickets.size();
        for (int i = 0; i < tickets.size(); i++) {
            d[2 + 2 * i] = (byte) tickets.get(i).state().code();
            d[3 + 2 * i] = (byte) tickets.get(i).eventIndex();
        }
        return d;
    }

    /** The ticket's record as WRITE TICKET carried it (version, its event's areas, management area); null once nullified. */
    byte[] record(int index) {
        TicketArea t = tickets.get(index);
        if (!t.hasRecord()) {
            return null;
        }
        EventArea e = events.get(t.eventIndex());
        return TicketRecord.assemble(t.body()[0] & 0xFF, e.idArea(), e.infoArea(),
                Arrays.copyOfRange(t.body(), 1, t.body().length));
    }

    /** READ AREA ticket: state, event index, ID length, ID, then version and management area if any. */
    byte[] ticketArea(int index) {
        TicketArea t = tickets.get(index);
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.size());
        out.write(t.state().code());
        out.write(t.eventIndex());
        out.write(t.ticketId().length);
        out.writeBytes(t.ticketId());
        out.writeBytes(t.body());
        return out.toByteArray();
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(SYSTEM_LENGTH + usedBytes());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.write(uid.bytes());
            out.writeByte(keys.keyVersion());
            out.write(keys.writeKey());
            out.write(keys.authenticationKey());
            out.writeInt(capacity);
            out.writeInt((int) counter);
            out.writeShort(issuer.length);
            out.write(issuer);
            out.writeByte(events.size());
            for (EventArea e : events) {
                out.writeShort(e.idArea().length);
                out.write(e.idArea());
                out.writeShort(e.infoArea().length);
                out.write(e.infoArea());
            }
            out.writeByte(tickets.size());
            for (TicketArea t : tickets) {
                out.writeByte(t.state().code());
                out.writeByte(t.eventIndex());
                out.writeByte(t.ticketId().length);
                out.write(t.ticketId());
                out.writeShort(t.body().length);
                out.write(t.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads a committed image; any inconsistency is an IOException, so the slot counts as invalid. */
    static ChipState decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a chip image");
        }
        ChipUid uid = ChipUid.of(bytes(in, ChipUid.LENGTH));
        int keyVersion = in.readUnsignedByte();
        byte[] writeKey = bytes(in, 16);
        byte[] authKey = bytes(in, 16);
        if (keyVersion == 0) {
            throw new IOException("key version 0");
        }
        ChipKeys keys = ChipKeys.of(keyVersion, writeKey, authKey);
        int capacity = in.readInt();
        if (capacity < ChipPersonalization.MIN_CAPACITY || capacity > ChipPersonalization.MAX_CAPACITY) {
            throw new IOException("capacity " + capacity);
        }
        long counter = in.readInt() & 0xFFFF_FFFFL;
        byte[] issuer = bytes(in, in.readUnsignedShort());
        int eventCount = in.readUnsignedByte();
        List<EventArea> events = new ArrayList<>();
        for (int i = 0; i < eventCount; i++) {
            events.add(new EventArea(bytes(in, in.readUnsignedShort()), bytes(in, in.readUnsignedShort())));
        }
        int ticketCount = in.readUnsignedByte();
        List<TicketArea> tickets = new ArrayList<>();
        for (int i = 0; i < ticketCount; i++) {
            TicketState state = TicketState.fromCode(in.readUnsignedByte())
                    .orElseThrow(() -> new IOException("ticket state"));
            int eventIndex = in.readUnsignedByte();
            byte[] ticketId = bytes(in, in.readUnsignedByte());
            byte[] body = bytes(in, in.readUnsignedShort());
            if (body.length > 0 ? eventIndex >= eventCount || state == TicketState.NULLIFIED : eventIndex != NO_EVENT) {
                throw new IOException("ticket " + i + " refers to no event");
            }
            tickets.add(new TicketArea(state, eventIndex, ticketId, body));
        }
        if (in.available() != 0) {
            throw new IOException("bytes after the chip image");
        }
        ChipState state = new ChipState(uid, keys, capacity, counter, issuer, events, tickets);
        if (!state.fits()) {
            throw new IOException("image larger than the chip");
        }
        return state;
    }

    private static byte[] bytes(DataInputStream in, int length) throws IOException {
        byte[] b = in.readNBytes(length);
        if (b.length != length) {
            throw new IOException("chip image truncated");
        }
        return b;
    }
}
