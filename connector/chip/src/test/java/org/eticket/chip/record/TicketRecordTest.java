package org.eticket.chip.record;

import static org.eticket.chip.TestTickets.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.crypto.AEADBadTagException;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.EventKeyRing;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.record.RecordFormatException.Reason;
import org.eticket.chip.record.VerificationResult.Rejected;
import org.eticket.chip.record.VerificationResult.Verified;
import org.junit.jupiter.api.Test;

class TicketRecordTest {

    private final TicketVerifier gate = new TicketVerifier(GATE_KEYS);

    private static Ticket verified(VerificationResult result) {
        Verified v = assertInstanceOf(Verified.class, result, () -> result.toString());
        return v.ticket();
    }

    private static VerificationResult.Reason rejected(VerificationResult result) {
        return assertInstanceOf(Rejected.class, result, () -> result.toString()).reason();
    }

    @Test
    void everyFieldRoundTrips() throws RecordFormatException {
        Ticket ticket = ticket(CHIP_A, "T-2026-000001");
        byte[] encoded = ISSUER.issue(ticket);
        assertEquals(ticket, verified(gate.verify(CHIP_A, encoded)));

        TicketRecord record = TicketRecord.parse(encoded);
        assertEquals(ticket.ticketId(), record.ticketId());
        assertEquals(CHIP_A, record.chipUid());
        assertEquals(ticket.eventIds(), record.eventIds());
        assertEquals(ticket.event(), record.event());
        assertEquals(ticket.seat(), record.seat());
        assertEquals(ticket.seller(), record.seller());
        assertEquals(SIGNING.id(), record.signingKeyId());
        assertEquals(PERSONAL.id(), record.personalDataKeyId());
        assertEquals(TicketRecord.FORMAT_VERSION, record.version());
        assertArrayEquals(encoded, TicketRecord.assemble(record.version(), record.eventIdArea(),
                record.eventInfoArea(), record.managementArea()));
    }

    @Test
    void optionalAndEdgeValuesRoundTrip() {
        Ticket ticket = new Ticket("X", CHIP_A, List.of(new GateEventId("A", "1")),
                new EventInfo("N", "V", LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalTime.of(23, 59), ""),
                new Seat("", "", "", ""), "",
                new PersonalData("", Set.of(), null, "", new BuyerIdentification("", "", Instant.EPOCH)));
        assertEquals(ticket, verified(gate.verify(CHIP_A, ISSUER.issue(ticket))));

        String longName = "é".repeat(Limits.NAME_MAX / 2);
        Ticket large = new Ticket("T".repeat(Limits.ID_MAX), CHIP_A,
                java.util.stream.IntStream.range(0, Limits.GATE_EVENT_IDS_MAX)
                        .mapToObj(i -> new GateEventId("G".repeat(Limits.ID_MAX), "E".repeat(Limits.ID_MAX - 2) + i % 10 + i / 10))
                        .toList(),
                new EventInfo(longName, longName, LocalDate.of(9999, 12, 31), LocalTime.of(0, 1), LocalTime.NOON, longName),
                new Seat("g".repeat(24), "s".repeat(24), "f".repeat(24), "n".repeat(24)), longName,
                new PersonalData(longName, Set.of(AttendeeAttribute.values()), LocalDate.of(2000, 2, 29), "m".repeat(24),
                        new BuyerIdentification(longName, "o".repeat(Limits.ORDER_CONTENTS_MAX),
                                Instant.ofEpochSecond(Limits.LAST_EPOCH_SECOND))));
        byte[] encoded = ISSUER.issue(large);
        assertTrue(encoded.length <= TicketRecord.MAX_LENGTH);
        assertEquals(large, verified(gate.verify(CHIP_A, encoded)));
    }

    @Test
    void recordCopiedToAnotherChipFailsSignatureAndDecryption() throws RecordFormatException {
        byte[] encoded = ISSUER.issue(ticket(CHIP_A, "T-1"));
        TicketRecord record = TicketRecord.parse(encoded);

        assertTrue(record.signatureValid(SIGNING, CHIP_A));
        assertFalse(record.signatureValid(SIGNING, CHIP_B));
        assertThrows(AEADBadTagException.class, () -> record.decryptPersonalData(PERSONAL, CHIP_B));
        assertEquals(VerificationResult.Reason.WRONG_CHIP, rejected(gate.verify(CHIP_B, encoded)));

        // Rewriting the UID in the copy to the new chip's does not help: the signature covers it.
        byte[] forged = encoded.clone();
        int at = indexOf(forged, CHIP_A.bytes());
        System.arraycopy(CHIP_B.bytes(), 0, forged, at, ChipUid.LENGTH);
        assertEquals(VerificationResult.Reason.BAD_SIGNATURE, rejected(gate.verify(CHIP_B, forged)));
        TicketRecord forgedRecord = TicketRecord.parse(forged);
        assertThrows(AEADBadTagException.class, () -> forgedRecord.decryptPersonalData(PERSONAL, CHIP_B));
    }

    @Test
    void reissuingForAnAssigneeBindsToTheNewChip() {
        Ticket original = ticket(CHIP_A, "T-9");
        byte[] forB = ISSUER.issue(original.reboundTo(CHIP_B));
        assertEquals(original.reboundTo(CHIP_B), verified(gate.verify(CHIP_B, forB)));
        assertEquals(VerificationResult.Reason.WRONG_CHIP, rejected(gate.verify(CHIP_A, forB)));
    }

    @Test
    void everySingleBitFlipIsRefused() {
        byte[] encoded = ISSUER.issue(ticket(CHIP_A, "T-2"));
        for (int bit = 0; bit < 8 * encoded.length; bit++) {
            byte[] flipped = encoded.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            VerificationResult result = gate.verify(CHIP_A, flipped);
            int b = bit;
            assertFalse(result.verified(), () -> "bit " + b + " flipped was accepted");
        }
    }

    @Test
    void everyTruncationAndExtensionIsRefusedWithAReason() {
        byte[] encoded = ISSUER.issue(ticket(CHIP_A, "T-3"));
        for (int length = 0; length < encoded.length; length++) {
            byte[] cut = Arrays.copyOf(encoded, length);
            RecordFormatException e = assertThrows(RecordFormatException.class, () -> TicketRecord.parse(cut));
            assertNotNull(e.reason());
        }
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertEquals(Reason.TRAILING_BYTES, assertThrows(RecordFormatException.class, () -> TicketRecord.parse(longer)).reason());
        byte[] oversized = new byte[TicketRecord.MAX_LENGTH + 1];
        oversized[0] = 1;
        assertEquals(Reason.TOO_LARGE, assertThrows(RecordFormatException.class, () -> TicketRecord.parse(oversized)).reason());
    }

    @Test
    void unknownVersionReorderedAreasAndLongLengthFormsAreRefused() throws RecordFormatException {
        byte[] encoded = ISSUER.issue(ticket(CHIP_A, "T-4"));
        byte[] version2 = encoded.clone();
        version2[0] = 2;
        assertEquals(Reason.UNSUPPORTED_VERSION,
                assertThrows(RecordFormatException.class, () -> TicketRecord.parse(version2)).reason());

        TicketRecord r = TicketRecord.parse(encoded);
        byte[] swapped = TicketRecord.assemble(1, r.eventInfoArea(), r.eventIdArea(), r.managementArea());
        assertEquals(Reason.UNEXPECTED_TAG,
                assertThrows(RecordFormatException.class, () -> TicketRecord.parse(swapped)).reason());

        // The same event-ID area with its length written as 81 xx instead of one byte.
        byte[] ids = r.eventIdArea();
        assertTrue((ids[1] & 0xFF) < 0x80);
        byte[] longForm = new byte[ids.length + 1];
        longForm[0] = ids[0];
        longForm[1] = (byte) 0x81;
        System.arraycopy(ids, 1, longForm, 2, ids.length - 1);
        byte[] nonMinimal = TicketRecord.assemble(1, longForm, r.eventInfoArea(), r.managementArea());
        assertEquals(Reason.BAD_LENGTH,
                assertThrows(RecordFormatException.class, () -> TicketRecord.parse(nonMinimal)).reason());
    }

    @Test
    void rotatedEventKeysStillVerifyEarlierTickets() {
        EventSigningKey newSigning = EventSigningKey.generate(RANDOM);
        PersonalDataKey newPersonal = PersonalDataKey.generate(RANDOM);
        byte[] before = ISSUER.issue(ticket(CHIP_A, "T-old"));
        byte[] after = new TicketIssuer(newSigning, newPersonal, RANDOM).issue(ticket(CHIP_A, "T-new"));

        EventKeyRing rotated = GATE_KEYS.with(newSigning.verificationOnly()).with(newPersonal);
        TicketVerifier verifier = new TicketVerifier(rotated);
        assertEquals("T-old", verified(verifier.verify(CHIP_A, before)).ticketId());
        assertEquals("T-new", verified(verifier.verify(CHIP_A, after)).ticketId());

        TicketVerifier onlyNew = new TicketVerifier(EventKeyRing.of(List.of(newSigning), List.of(newPersonal)));
        assertEquals(VerificationResult.Reason.UNKNOWN_KEY, rejected(onlyNew.verify(CHIP_A, before)));
        TicketVerifier noPersonalKey = new TicketVerifier(EventKeyRing.of(List.of(SIGNING), List.of()));
        assertEquals(VerificationResult.Reason.UNKNOWN_KEY, rejected(noPersonalKey.verify(CHIP_A, before)));
    }

    @Test
    void modelRefusesValuesTheFormatCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new GateEventId("", "E"));
        assertThrows(IllegalArgumentException.class, () -> new GateEventId("A", "E".repeat(33)));
        assertThrows(IllegalArgumentException.class, () -> new GateEventId("A", "\uD800"));
        assertThrows(IllegalArgumentException.class, () -> new EventInfo("N", "V", LocalDate.of(2026, 1, 1),
                LocalTime.of(10, 0, 30), LocalTime.NOON, ""));
        assertThrows(IllegalArgumentException.class, () -> new BuyerIdentification("", "", Instant.ofEpochMilli(1)));
        assertThrows(IllegalArgumentException.class, () -> new Ticket("T", CHIP_A, List.of(),
                event("E"), new Seat("", "", "", ""), "", ticket(CHIP_A, "T").personal()));
        assertThrows(IllegalArgumentException.class, () -> new TicketIssuer(SIGNING.verificationOnly(), PERSONAL, RANDOM));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
