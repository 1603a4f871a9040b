package org.eticket.issuance;

import static org.junit.jupiter.api.Assertions.*;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.card.MemoryEeprom;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.protocol.ChipCommands;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.TicketApplication;
import org.eticket.chip.record.AttendeeAttribute;
import org.eticket.chip.record.BuyerIdentification;
import org.eticket.chip.record.EventInfo;
import org.eticket.chip.record.GateEventId;
import org.eticket.chip.record.PersonalData;
import org.eticket.chip.record.Seat;
import org.eticket.chip.record.Ticket;
import org.eticket.chip.record.TicketIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The center settles a write whose answer was lost from the chip's own proof over a fresh
 * challenge, never from what a terminal claims: a made-up, altered, replayed or other chip's
 * answer is refused (and so decides nothing).
 */
class SettlementTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MasterKey MASTER = MasterKey.generate(1, RANDOM);
    private static final TicketIssuer ISSUER = new TicketIssuer(EventSigningKey.generate(RANDOM), PersonalDataKey.generate(RANDOM), RANDOM);
    private static final ChipUid UID = ChipUid.parse("04A1B2C3D4E5F6");
    private static final String TICKET = "T42";

    private final ChipKeys keys = MASTER.chipKeys(UID);
    private MemoryEeprom eeprom;
    private ChipEmulator chip;
    private CommandApdu write;
    private byte[] written;

    @BeforeEach
    void handOutAWrite() throws Exception {
        eeprom = new MemoryEeprom(ChipEmulator.eepromSize(ChipPersonalization.DEFAULT_CAPACITY));
        chip = ChipEmulator.personalize(eeprom, ChipPersonalization.of(UID, "eticket platform", keys));
        written = ISSUER.issue(ticket(UID, TICKET));
        write = ChipCommands.writeTicket(keys, UID, 1, written);
    }

    private static Ticket ticket(ChipUid uid, String id) {
        return new Ticket(id, uid, List.of(new GateEventId("EAST", "EV-1-E")),
                new EventInfo("Aurora", "Grand Hall", LocalDate.of(2026, 12, 5), LocalTime.of(17, 0), LocalTime.of(18, 0), "desk"),
                new Seat("Gate 1", "S", "1F", "A-1"), "PLAZA",
                new PersonalData("Alice", EnumSet.noneOf(AttendeeAttribute.class), null, "",
                        new BuyerIdentification("Alice", "1 x S", Instant.parse("2026-11-21T09:00:00Z"))));
    }

    private byte[] challenge() {
        byte[] c = new byte[ChipMacs.CHALLENGE_LENGTH];
        RANDOM.nextBytes(c);
        return c;
    }

    /** What the chip answers to PROVE TICKET for {@code challenge}, as a terminal would relay it. */
    private byte[] proof(ChipEmulator on, byte[] challenge) throws Exception {
        ChipReader reader = new ChipReader(on);
        reader.select();
        return reader.proveTicket(challenge, TICKET).answer();
    }

    private Settlement judge(byte[] challenge, byte[] answer) {
        return Settlement.judge(keys, UID, challenge, TICKET, written, 1, answer);
    }

    private void executeWrite() throws Exception {
        ChipReader reader = new ChipReader(chip);
        reader.select();
        assertTrue(reader.transmit(write).isOk());
    }

    @Test
    void theChipsProofThatTheWriteLandedCompletesIt() throws Exception {
        executeWrite(); // the answer never reached the center
        byte[] challenge = challenge();
        Settlement s = judge(challenge, proof(chip, challenge));
        assertEquals(Settlement.Outcome.NEW_STATE, s.outcome(), s.detail());
        assertTrue(s.detail().contains("new state"));
    }

    @Test
    void aTornWriteIsProvedOldAndTheWriteMayStillExecute() throws Exception {
        eeprom.cutPowerAfter(100);
        ChipReader reader = new ChipReader(chip);
        reader.select();
        assertThrows(Exception.class, () -> reader.transmit(write));
        eeprom.restorePower();
        chip = ChipEmulator.boot(eeprom);
        byte[] challenge = challenge();
        Settlement s = judge(challenge, proof(chip, challenge));
        assertEquals(Settlement.Outcome.OLD_STATE, s.outcome(), s.detail());
        assertFalse(s.detail().contains("no longer execute"), s.detail());
    }

    @Test
    void anotherWriteWithTheSameCounterMakesTheOldStateFinal() throws Exception {
        ChipReader reader = new ChipReader(chip);
        reader.select();
        assertTrue(reader.transmit(ChipCommands.writeTicket(keys, UID, 1, ISSUER.issue(ticket(UID, "T43")))).isOk());
        byte[] challenge = challenge();
        Settlement s = judge(challenge, proof(chip, challenge));
        assertEquals(Settlement.Outcome.OLD_STATE, s.outcome());
        assertTrue(s.detail().contains("can no longer execute"), s.detail());
    }

    @Test
    void aTerminalClaimingTheWriteDidNotLandIsRefused() throws Exception {
        executeWrite();
        byte[] challenge = challenge();
        byte[] answer = proof(chip, challenge);
        byte[] absent = answer.clone();
        absent[4] = TicketApplication.TICKET_ABSENT;
        Arrays.fill(absent, 5, 5 + ChipMacs.RECORD_DIGEST_LENGTH, (byte) 0);
        assertEquals(Settlement.Outcome.REFUSED, judge(challenge, absent).outcome());
        byte[] lowerCounter = answer.clone();
        lowerCounter[3] = 0;
        assertEquals(Settlement.Outcome.REFUSED, judge(challenge, lowerCounter).outcome());
        assertEquals(Settlement.Outcome.REFUSED, judge(challenge, Arrays.copyOf(answer, 20)).outcome(), "no proof at all");
    }

    @Test
    void aTerminalClaimingTheWriteLandedIsRefused() throws Exception {
        byte[] challenge = challenge();
        byte[] answer = proof(chip, challenge); // the chip kept its old state
        byte[] landed = answer.clone();
        landed[3] = 1;
        landed[4] = 1;
        System.arraycopy(ChipMacs.recordDigest(written), 0, landed, 5, ChipMacs.RECORD_DIGEST_LENGTH);
        Settlement s = judge(challenge, landed);
        assertEquals(Settlement.Outcome.REFUSED, s.outcome());
        assertTrue(s.detail().contains("forged, altered or replayed"), s.detail());
    }

    @Test
    void aReplayedProofOrAnotherChipsProofIsRefused() throws Exception {
        executeWrite();
        byte[] earlier = challenge();
        byte[] recorded = proof(chip, earlier);
        assertEquals(Settlement.Outcome.NEW_STATE, judge(earlier, recorded).outcome());
        assertEquals(Settlement.Outcome.REFUSED, judge(challenge(), recorded).outcome(), "recorded for another challenge");

        // A genuine chip of the platform, with a record for the same ticket ID, answering the same challenge.
        ChipUid otherUid = ChipUid.parse("04112233445566");
        ChipEmulator other = ChipEmulator.inMemory(ChipPersonalization.of(otherUid, "eticket platform", MASTER.chipKeys(otherUid)));
        ChipReader reader = new ChipReader(other);
        reader.select();
        assertTrue(reader.transmit(ChipCommands.writeTicket(MASTER.chipKeys(otherUid), otherUid, 1,
                ISSUER.issue(ticket(otherUid, TICKET)))).isOk());
        byte[] challenge = challenge();
        assertEquals(Settlement.Outcome.REFUSED, judge(challenge, proof(other, challenge)).outcome());
    }

    @Test
    void everyAlteredByteIsRefused() throws Exception {
        executeWrite();
        byte[] challenge = challenge();
        byte[] answer = proof(chip, challenge);
        for (int i = 0; i < answer.length; i++) {
            byte[] altered = answer.clone();
            altered[i] ^= 0x40;
            assertEquals(Settlement.Outcome.REFUSED, judge(challenge, altered).outcome(), "byte " + i);
        }
    }

}
