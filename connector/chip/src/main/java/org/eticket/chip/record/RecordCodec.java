package org.eticket.chip.record;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.KeyId;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.record.RecordFormatException.Reason;

/**
 * Record format 1, field by field (README "Ticket record"). The layout follows the chip areas of
 * Fig 11 so the chip can store the event areas once per event and the management area per ticket.
 */
final class RecordCodec {

    static final int VERSION = 1;

    static final int TAG_EVENT_ID_AREA = 0x61;
    static final int TAG_GATE_EVENT = 0x30;
    static final int TAG_EVENT_INFO_AREA = 0x62;
    static final int TAG_MANAGEMENT_AREA = 0x63;

    static final int TAG_GATE_AREA = 0x80;
    static final int TAG_EVENT_ID = 0x81;

    static final int TAG_EVENT_NAME = 0x80;
    static final int TAG_VENUE = 0x81;
    static final int TAG_DATE = 0x82;
    static final int TAG_OPENING = 0x83;
    static final int TAG_START = 0x84;
    static final int TAG_CONTACT = 0x85;

    static final int TAG_TICKET_ID = 0x80;
    static final int TAG_CHIP_UID = 0x81;
    static final int TAG_SIGNING_KEY_ID = 0x82;
    static final int TAG_PERSONAL_KEY_ID = 0x83;
    static final int TAG_GATE = 0x84;
    static final int TAG_SEAT_TYPE = 0x85;
    static final int TAG_FLOOR = 0x86;
    static final int TAG_SEAT_NUMBER = 0x87;
    static final int TAG_SELLER = 0x88;
    static final int TAG_PERSONAL = 0x89;
    static final int TAG_SIGNATURE = 0x8A;

    static final int TAG_ATTENDEE_NAME = 0x80;
    static final int TAG_ATTRIBUTES = 0x81;
    static final int TAG_DATE_OF_BIRTH = 0x82;
    static final int TAG_MEMBERSHIP_NUMBER = 0x83;
    static final int TAG_BUYER_NAME = 0x84;
    static final int TAG_ORDER_CONTENTS = 0x85;
    static final int TAG_ORDERED_AT = 0x86;

    static final int MAX_PLAINTEXT = TlvWriter.elementSize(Limits.NAME_MAX) + TlvWriter.elementSize(1)
            + TlvWriter.elementSize(4) + TlvWriter.elementSize(Limits.SHORT_MAX)
            + TlvWriter.elementSize(Limits.NAME_MAX) + TlvWriter.elementSize(Limits.ORDER_CONTENTS_MAX)
            + TlvWriter.elementSize(8);
    static final int MIN_SEALED = PersonalDataKey.NONCE_LENGTH + PersonalDataKey.TAG_LENGTH;
    static final int MAX_SEALED = MIN_SEALED + MAX_PLAINTEXT;

    private static final byte[] SIGNATURE_DOMAIN = "eticket/record-signature/v1/".getBytes(StandardCharsets.US_ASCII);
    private static final int ATTRIBUTE_MASK = (1 << AttendeeAttribute.values().length) - 1;

    private RecordCodec() {
    }

    static byte[] eventIdArea(List<GateEventId> ids) {
        TlvWriter content = new TlvWriter();
        for (GateEventId id : ids) {
            content.nested(TAG_GATE_EVENT, new TlvWriter()
                    .text(TAG_GATE_AREA, id.gateArea())
                    .text(TAG_EVENT_ID, id.eventId()));
        }
        return new TlvWriter().nested(TAG_EVENT_ID_AREA, content).toByteArray();
    }

    static byte[] eventInfoArea(EventInfo event) {
        return new TlvWriter().nested(TAG_EVENT_INFO_AREA, new TlvWriter()
                .text(TAG_EVENT_NAME, event.name())
                .text(TAG_VENUE, event.venue())
                .bytes(TAG_DATE, date(event.date()))
                .bytes(TAG_OPENING, time(event.openingTime()))
                .bytes(TAG_START, time(event.startTime()))
                .text(TAG_CONTACT, event.contact())).toByteArray();
    }

    /** Management fields before the sealed personal part, in format order. */
    static byte[] managementHead(Ticket ticket, KeyId signingKey, KeyId personalKey) {
        return new TlvWriter()
                .text(TAG_TICKET_ID, ticket.ticketId())
                .bytes(TAG_CHIP_UID, ticket.chipUid().bytes())
                .bytes(TAG_SIGNING_KEY_ID, signingKey.toBytes())
                .bytes(TAG_PERSONAL_KEY_ID, personalKey.toBytes())
                .text(TAG_GATE, ticket.seat().gate())
                .text(TAG_SEAT_TYPE, ticket.seat().seatType())
                .text(TAG_FLOOR, ticket.seat().floor())
                .text(TAG_SEAT_NUMBER, ticket.seat().seatNumber())
                .text(TAG_SELLER, ticket.seller())
                .toByteArray();
    }

    static byte[] personalPlaintext(PersonalData p) {
        int mask = 0;
        for (AttendeeAttribute a : p.attributes()) {
            mask |= a.bit();
        }
        return new TlvWriter()
                .text(TAG_ATTENDEE_NAME, p.attendeeName())
                .bytes(TAG_ATTRIBUTES, new byte[] {(byte) mask})
                .bytes(TAG_DATE_OF_BIRTH, p.dateOfBirth() == null ? new byte[0] : date(p.dateOfBirth()))
                .text(TAG_MEMBERSHIP_NUMBER, p.membershipNumber())
                .text(TAG_BUYER_NAME, p.buyer().buyerName())
                .text(TAG_ORDER_CONTENTS, p.buyer().orderContents())
                .bytes(TAG_ORDERED_AT, epochSeconds(p.buyer().orderedAt()))
                .toByteArray();
    }

    static PersonalData decodePersonal(byte[] plaintext) throws RecordFormatException {
        TlvReader r = new TlvReader(plaintext, 0, plaintext.length);
        String attendee = r.text(TAG_ATTENDEE_NAME, "attendee name", 0, Limits.NAME_MAX);
        int mask = r.value(TAG_ATTRIBUTES, "attributes", 1, 1)[0] & 0xFF;
        if ((mask & ~ATTRIBUTE_MASK) != 0) {
            throw new RecordFormatException(Reason.BAD_VALUE, String.format("unknown attribute bits %02X", mask));
        }
        Set<AttendeeAttribute> attributes = EnumSet.noneOf(AttendeeAttribute.class);
        for (AttendeeAttribute a : AttendeeAttribute.values()) {
            if ((mask & a.bit()) != 0) {
                attributes.add(a);
            }
        }
        byte[] dob = r.value(TAG_DATE_OF_BIRTH, "date of birth", 0, 4);
        LocalDate dateOfBirth = dob.length == 0 ? null : decodeDate(dob, "date of birth");
        String membership = r.text(TAG_MEMBERSHIP_NUMBER, "membership number", 0, Limits.SHORT_MAX);
        String buyerName = r.text(TAG_BUYER_NAME, "buyer name", 0, Limits.NAME_MAX);
        String contents = r.text(TAG_ORDER_CONTENTS, "order contents", 0, Limits.ORDER_CONTENTS_MAX);
        Instant orderedAt = decodeInstant(r.value(TAG_ORDERED_AT, "order time", 8, 8));
        r.end("personal data");
        return new PersonalData(attendee, attributes, dateOfBirth, membership,
                new BuyerIdentification(buyerName, contents, orderedAt));
    }

    /** What the event key signs: domain || the chip's UID || every record byte before the signature. */
    static byte[] signedMessage(ChipUid chip, byte[] encoded, int length) {
        byte[] uid = chip.bytes();
        byte[] m = new byte[SIGNATURE_DOMAIN.length + uid.length + length];
        System.arraycopy(SIGNATURE_DOMAIN, 0, m, 0, SIGNATURE_DOMAIN.length);
        System.arraycopy(uid, 0, m, SIGNATURE_DOMAIN.length, uid.length);
        System.arraycopy(encoded, 0, m, SIGNATURE_DOMAIN.length + uid.length, length);
        return m;
    }

    static int signatureElementSize() {
        return TlvWriter.elementSize(EventSigningKey.SIGNATURE_LENGTH);
    }

    static byte[] date(LocalDate d) {
        int y = d.getYear();
        return new byte[] {(byte) (y >> 8), (byte) y, (byte) d.getMonthValue(), (byte) d.getDayOfMonth()};
    }

    static byte[] time(LocalTime t) {
        return new byte[] {(byte) t.getHour(), (byte) t.getMinute()};
    }

    static LocalDate decodeDate(byte[] v, String field) throws RecordFormatException {
        int year = ((v[0] & 0xFF) << 8) | (v[1] & 0xFF);
        if (year < 1 || year > 9999) {
            throw new RecordFormatException(Reason.BAD_VALUE, field + " year " + year);
        }
        try {
            return LocalDate.of(year, v[2], v[3]);
        } catch (DateTimeException e) {
            throw new RecordFormatException(Reason.BAD_VALUE, field + " is no calendar date");
        }
    }

    static LocalTime decodeTime(byte[] v, String field) throws RecordFormatException {
        if (v[0] < 0 || v[0] > 23 || v[1] < 0 || v[1] > 59) {
            throw new RecordFormatException(Reason.BAD_VALUE, field + " is no time of day");
        }
        return LocalTime.of(v[0], v[1]);
    }

    private static byte[] epochSeconds(Instant t) {
        long s = t.getEpochSecond();
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (s >>> (56 - 8 * i));
        }
        return b;
    }

    private static Instant decodeInstant(byte[] v) throws RecordFormatException {
        long s = 0;
        for (byte b : v) {
            s = (s << 8) | (b & 0xFF);
        }
        if (s < 0 || s > Limits.LAST_EPOCH_SECOND) {
            throw new RecordFormatException(Reason.BAD_VALUE, "order time out of range");
        }
        return Instant.ofEpochSecond(s);
    }
}
