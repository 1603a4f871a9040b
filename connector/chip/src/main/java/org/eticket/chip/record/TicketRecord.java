package org.eticket.chip.record;

import static org.eticket.chip.record.RecordCodec.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.crypto.AEADBadTagException;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.KeyId;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.record.RecordFormatException.Reason;

/**
 * An encoded ticket record, parsed strictly but not yet trusted. Its public fields can be shown
 * without keys (reads need no key, 004 "access key" text); the signature and the sealed personal
 * part are checked against a chip UID with {@link #signatureValid} and {@link #decryptPersonalData},
 * or both at once by {@link TicketVerifier}.
 *
 * <pre>
 * record = version(1) event-ID-area event-info-area management-area
 * </pre>
 * The three areas are the ones of Fig 11: a chip stores the event areas once per event and the
 * management area per ticket, and {@link #assemble} puts a record back together from them.
 */
public final class TicketRecord {

    public static final int FORMAT_VERSION = RecordCodec.VERSION;
    public static final int MAX_LENGTH = 4096;

    private final byte[] encoded;
    private final int eventInfoStart;
    private final int managementStart;
    private final int personalStart;
    private final int signatureStart;
    private final List<GateEventId> eventIds;
    private final EventInfo event;
    private final String ticketId;
    private final ChipUid chipUid;
    private final KeyId signingKeyId;
    private final KeyId personalDataKeyId;
    private final Seat seat;
    private final String seller;
    private final byte[] sealed;
    private final byte[] signature;

    private TicketRecord(byte[] encoded) throws RecordFormatException {
        this.encoded = encoded;
        TlvReader record = new TlvReader(encoded, 1, encoded.length);

        TlvReader ids = record.nested(TAG_EVENT_ID_AREA, "event-ID area");
        List<GateEventId> gateIds = new ArrayList<>();
        do {
            if (gateIds.size() == Limits.GATE_EVENT_IDS_MAX) {
                throw new RecordFormatException(Reason.BAD_VALUE, "more than " + Limits.GATE_EVENT_IDS_MAX + " event IDs");
            }
            TlvReader entry = ids.nested(TAG_GATE_EVENT, "gate event ID");
            String area = entry.text(TAG_GATE_AREA, "gate area", 1, Limits.ID_MAX);
            String id = entry.text(TAG_EVENT_ID, "event ID", 1, Limits.ID_MAX);
            entry.end("gate event ID");
            gateIds.add(new GateEventId(area, id));
        } while (ids.hasMore());
        this.eventIds = List.copyOf(gateIds);

        this.eventInfoStart = record.position();
        TlvReader info = record.nested(TAG_EVENT_INFO_AREA, "event-info area");
        this.event = new EventInfo(
                info.text(TAG_EVENT_NAME, "event name", 1, Limits.NAME_MAX),
                info.text(TAG_VENUE, "venue", 1, Limits.NAME_MAX),
                decodeDate(info.value(TAG_DATE, "event date", 4, 4), "event date"),
                decodeTime(info.value(TAG_OPENING, "opening time", 2, 2), "opening time"),
                decodeTime(info.value(TAG_START, "start time", 2, 2), "start time"),
                info.text(TAG_CONTACT, "contact", 0, Limits.NAME_MAX));
        info.end("event-info area");

        this.managementStart = record.position();
        TlvReader m = record.nested(TAG_MANAGEMENT_AREA, "management area");
        this.ticketId = m.text(TAG_TICKET_ID, "ticket ID", 1, Limits.ID_MAX);
        this.chipUid = ChipUid.of(m.value(TAG_CHIP_UID, "chip UID", ChipUid.LENGTH, ChipUid.LENGTH));
        this.signingKeyId = KeyId.fromBytes(m.value(TAG_SIGNING_KEY_ID, "signing key ID", KeyId.LENGTH, KeyId.LENGTH), 0);
        this.personalDataKeyId = KeyId.fromBytes(
                m.value(TAG_PERSONAL_KEY_ID, "personal-data key ID", KeyId.LENGTH, KeyId.LENGTH), 0);
        this.seat = new Seat(
                m.text(TAG_GATE, "gate", 0, Limits.SHORT_MAX),
                m.text(TAG_SEAT_TYPE, "seat type", 0, Limits.SHORT_MAX),
                m.text(TAG_FLOOR, "floor", 0, Limits.SHORT_MAX),
                m.text(TAG_SEAT_NUMBER, "seat number", 0, Limits.SHORT_MAX));
        this.seller = m.text(TAG_SELLER, "seller", 0, Limits.NAME_MAX);
        this.personalStart = m.position();
        this.sealed = m.value(TAG_PERSONAL, "personal part", MIN_SEALED, MAX_SEALED);
        this.signatureStart = m.position();
        this.signature = m.value(TAG_SIGNATURE, "signature",
                EventSigningKey.SIGNATURE_LENGTH, EventSigningKey.SIGNATURE_LENGTH);
        m.end("management area");
        record.end("ticket record");
    }

    /** Parses a record; refuses anything but a complete, canonical format-1 record. */
    public static TicketRecord parse(byte[] encoded) throws RecordFormatException {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length == 0) {
            throw new RecordFormatException(Reason.TRUNCATED, "empty record");
        }
        if (encoded.length > MAX_LENGTH) {
            throw new RecordFormatException(Reason.TOO_LARGE, encoded.length + " bytes, at most " + MAX_LENGTH);
        }
        int version = encoded[0] & 0xFF;
        if (version != FORMAT_VERSION) {
            throw new RecordFormatException(Reason.UNSUPPORTED_VERSION, "record format " + version);
        }
        return new TicketRecord(encoded.clone());
    }

    /** The record bytes from the areas a chip stores apart (see the class comment). */
    public static byte[] assemble(int version, byte[] eventIdArea, byte[] eventInfoArea, byte[] managementArea) {
        byte[] out = new byte[1 + eventIdArea.length + eventInfoArea.length + managementArea.length];
        out[0] = (byte) version;
        System.arraycopy(eventIdArea, 0, out, 1, eventIdArea.length);
        System.arraycopy(eventInfoArea, 0, out, 1 + eventIdArea.length, eventInfoArea.length);
        System.arraycopy(managementArea, 0, out, 1 + eventIdArea.length + eventInfoArea.length, managementArea.length);
        return out;
    }

    /**
     * Whether {@code key} signed this record for {@code chip}: the signed message holds the UID of the
     * chip the record is read from, so a record copied to another chip fails here.
     */
    public boolean signatureValid(EventSigningKey key, ChipUid chip) {
        return key.id().equals(signingKeyId)
                && key.verify(signedMessage(chip, encoded, signatureStart), signature);
    }

    /** Opens the personal part as sealed for {@code chip} (key derived from the UID, UID as associated data). */
    public PersonalData decryptPersonalData(PersonalDataKey key, ChipUid chip)
            throws AEADBadTagException, RecordFormatException {
        if (!key.id().equals(personalDataKeyId)) {
            throw new AEADBadTagException("personal part sealed under key " + personalDataKeyId + ", not " + key.id());
        }
        byte[] nonce = Arrays.copyOf(sealed, PersonalDataKey.NONCE_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(sealed, PersonalDataKey.NONCE_LENGTH, sealed.length);
        byte[] plaintext = key.decrypt(chip, nonce, Arrays.copyOf(encoded, personalStart), ciphertext);
        return decodePersonal(plaintext);
    }

    Ticket toTicket(PersonalData personal) {
        return new Ticket(ticketId, chipUid, eventIds, event, seat, seller, personal);
    }

    public int version() {
        return encoded[0] & 0xFF;
    }

    public String ticketId() {
        return ticketId;
    }

    /** The UID written in the record (000 cl. 16); compare with the chip's own UID (cl. 17). */
    public ChipUid chipUid() {
        return chipUid;
    }

    public List<GateEventId> eventIds() {
        return eventIds;
    }

    public EventInfo event() {
        return event;
    }

    public Seat seat() {
        return seat;
    }

    public String seller() {
        return seller;
    }

    public KeyId signingKeyId() {
        return signingKeyId;
    }

    public KeyId personalDataKeyId() {
        return personalDataKeyId;
    }

    public byte[] eventIdArea() {
        return Arrays.copyOfRange(encoded, 1, eventInfoStart);
    }

    public byte[] eventInfoArea() {
        return Arrays.copyOfRange(encoded, eventInfoStart, managementStart);
    }

    public byte[] managementArea() {
        return Arrays.copyOfRange(encoded, managementStart, encoded.length);
    }

    public byte[] encoded() {
        return encoded.clone();
    }
}
