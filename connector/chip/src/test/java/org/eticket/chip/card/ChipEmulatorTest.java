package org.eticket.chip.card;

import static org.eticket.chip.TestTickets.*;
import static org.eticket.chip.apdu.StatusWord.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.eticket.chip.ChipUid;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.ResponseApdu;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.crypto.MasterKeyRing;
import org.eticket.chip.protocol.ChipAccessException;
import org.eticket.chip.protocol.ChipAuthentication;
import org.eticket.chip.protocol.ChipCommands;
import org.eticket.chip.protocol.ChipContent;
import org.eticket.chip.protocol.ChipInfo;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.protocol.ChipTicket;
import org.eticket.chip.protocol.TicketApplication;
import org.eticket.chip.protocol.TicketProof;
import org.eticket.chip.record.Ticket;
import org.eticket.chip.record.TicketState;
import org.eticket.chip.record.TicketVerifier;
import org.eticket.chip.record.VerificationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChipEmulatorTest {

    private final ChipKeys keys = MASTER.chipKeys(CHIP_A);
    private final TicketVerifier gate = new TicketVerifier(GATE_KEYS);
    private MemoryEeprom eeprom;
    private ChipEmulator chip;
    private ChipReader reader;

    @BeforeEach
    void personalize() throws IOException, ChipAccessException {
        eeprom = new MemoryEeprom(ChipEmulator.eepromSize(ChipPersonalization.DEFAULT_CAPACITY));
        chip = ChipEmulator.personalize(eeprom, ChipPersonalization.of(CHIP_A, "eticket platform", keys));
        reader = new ChipReader(chip);
        reader.select();
    }

    private CommandApdu writeCommand(Ticket ticket) throws ChipAccessException {
        long next = reader.select().writeCounter() + 1;
        return ChipCommands.writeTicket(keys, CHIP_A, next, ISSUER.issue(ticket));
    }

    private ResponseApdu write(Ticket ticket) throws ChipAccessException {
        CommandApdu command = writeCommand(ticket);
        ResponseApdu response = reader.transmit(command);
        if (response.isOk()) {
            assertTrue(ChipCommands.verifyResponse(keys, CHIP_A, command, response));
        }
        return response;
    }

    private int sw(String hex) throws ApduTransportException {
        return ResponseApdu.status(0).sw() | swOf(chip.transmit(HexFormat.of().parseHex(hex)));
    }

    private static int swOf(byte[] response) {
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    @Test
    void selectTellsUidKeyVersionAndCounter() throws ChipAccessException {
        ChipInfo info = reader.select();
        assertEquals(new ChipInfo(CHIP_A, 1, 0), info);
        assertEquals(8192, reader.freeSpace().capacity());
        assertEquals("eticket platform", reader.readContent().issuer());
    }

    @Test
    void writtenTicketReadsBackAndVerifiesAtTheGate() throws ChipAccessException {
        Ticket ticket = ticket(CHIP_A, "T-1");
        assertTrue(write(ticket).isOk());
        assertEquals(1, reader.select().writeCounter());
        ChipContent content = reader.readContent();
        assertEquals(1, content.events().size());
        ChipTicket stored = content.tickets().get(0);
        assertEquals(TicketState.VALID, stored.state());
        assertEquals("T-1", stored.ticketId());
        VerificationResult result = gate.verify(CHIP_A, stored.record());
        assertEquals(ticket, assertInstanceOf(VerificationResult.Verified.class, result).ticket());
    }

    @Test
    void ticketsOfOneEventShareItsAreas() throws ChipAccessException {
        int free = reader.freeSpace().freeBytes();
        assertTrue(write(ticket(CHIP_A, "T-1", "Spring Tour")).isOk());
        int afterFirst = reader.freeSpace().freeBytes();
        assertTrue(write(ticket(CHIP_A, "T-2", "Spring Tour")).isOk());
        int afterSecond = reader.freeSpace().freeBytes();
        assertTrue(write(ticket(CHIP_A, "T-3", "Autumn Tour")).isOk());
        ChipContent content = reader.readContent();
        assertEquals(2, content.events().size());
        assertEquals(List.of(0, 0, 1), content.tickets().stream().map(ChipTicket::eventIndex).toList());
        assertTrue(free - afterFirst > afterFirst - afterSecond, "second ticket of the event stores no event areas");
        for (ChipTicket t : content.tickets()) {
            assertTrue(gate.verify(CHIP_A, t.record()).verified());
        }
    }

    @Test
    void rewritingATicketIdReplacesIt() throws ChipAccessException {
        assertTrue(write(ticket(CHIP_A, "T-1", "Spring Tour")).isOk());
        assertTrue(write(ticket(CHIP_A, "T-1", "Autumn Tour")).isOk());
        ChipContent content = reader.readContent();
        assertEquals(1, content.tickets().size());
        assertEquals(1, content.events().size());
        assertEquals("Autumn Tour", assertInstanceOf(VerificationResult.Verified.class,
                gate.verify(CHIP_A, content.tickets().get(0).record())).ticket().event().name());
    }

    @Test
    void alteredForgedOrReplayedWritesAreRefusedWithoutChange() throws Exception {
        CommandApdu good = writeCommand(ticket(CHIP_A, "T-1"));
        byte[] before = eeprom.image();

        byte[] badMac = good.encode();
        badMac[badMac.length - 3] ^= 0x01; // last MAC byte (extended Le follows)
        assertEquals(SECURITY_STATUS_NOT_SATISFIED, swOf(chip.transmit(badMac)));

        byte[] alteredRecord = good.encode();
        alteredRecord[40] ^= 0x01;
        assertEquals(SECURITY_STATUS_NOT_SATISFIED, swOf(chip.transmit(alteredRecord)));

        ChipKeys otherChipKeys = MASTER.chipKeys(CHIP_B);
        CommandApdu wrongKey = ChipCommands.writeTicket(otherChipKeys, CHIP_A, 1, ISSUER.issue(ticket(CHIP_A, "T-1")));
        assertEquals(SECURITY_STATUS_NOT_SATISFIED, reader.transmit(wrongKey).sw());

        CommandApdu skipped = ChipCommands.writeTicket(keys, CHIP_A, 2, ISSUER.issue(ticket(CHIP_A, "T-1")));
        assertEquals(SECURITY_STATUS_NOT_SATISFIED, reader.transmit(skipped).sw());

        CommandApdu unsecured = new CommandApdu(TicketApplication.CLA_PROPRIETARY, TicketApplication.INS_WRITE_TICKET,
                0, 0, good.data(), good.ne());
        assertEquals(SECURITY_STATUS_NOT_SATISFIED, reader.transmit(unsecured).sw());
        assertArrayEquals(before, eeprom.image());

        assertTrue(reader.transmit(good).isOk());
        byte[] afterWrite = eeprom.image();
        assertEquals(SECURITY_STATUS_NOT_SATISFIED, reader.transmit(good).sw(), "replay");
        assertArrayEquals(afterWrite, eeprom.image());
    }

    @Test
    void recordBoundToAnotherChipIsRefused() throws ChipAccessException {
        byte[] before = eeprom.image();
        CommandApdu command = ChipCommands.writeTicket(keys, CHIP_A, 1, ISSUER.issue(ticket(CHIP_B, "T-1")));
        assertEquals(INCORRECT_DATA, reader.transmit(command).sw());
        assertArrayEquals(before, eeprom.image());
    }

    @Test
    void nullifyErasesTheRecordAndFreesItsMemory() throws ChipAccessException {
        int empty = reader.freeSpace().freeBytes();
        assertTrue(write(ticket(CHIP_A, "T-1")).isOk());
        long counter = reader.select().writeCounter();
        CommandApdu nullify = ChipCommands.nullify(keys, CHIP_A, counter + 1, "T-1");
        ResponseApdu response = reader.transmit(nullify);
        assertTrue(ChipCommands.verifyResponse(keys, CHIP_A, nullify, response));

        ChipContent content = reader.readContent();
        assertEquals(0, content.events().size());
        ChipTicket t = content.tickets().get(0);
        assertEquals(TicketState.NULLIFIED, t.state());
        assertNull(t.record());
        assertEquals(empty - (5 + "T-1".length()), reader.freeSpace().freeBytes());

        byte[] before = eeprom.image();
        assertEquals(CONDITIONS_OF_USE_NOT_SATISFIED,
                reader.transmit(ChipCommands.nullify(keys, CHIP_A, counter + 2, "T-1")).sw());
        assertEquals(NOT_FOUND, reader.transmit(ChipCommands.nullify(keys, CHIP_A, counter + 2, "T-404")).sw());
        assertArrayEquals(before, eeprom.image(), "a refused command consumes no counter");
        assertTrue(write(ticket(CHIP_A, "T-1")).isOk(), "the center may write the ticket back (C23)");
        assertEquals(TicketState.VALID, reader.readContent().tickets().get(0).state());
    }

    @Test
    void usedTicketKeepsItsRecord() throws ChipAccessException {
        assertTrue(write(ticket(CHIP_A, "T-1")).isOk());
        assertTrue(reader.transmit(ChipCommands.markUsed(keys, CHIP_A, 2, "T-1")).isOk());
        ChipTicket t = reader.readContent().tickets().get(0);
        assertEquals(TicketState.USED, t.state());
        assertTrue(gate.verify(CHIP_A, t.record()).verified());
        assertEquals(CONDITIONS_OF_USE_NOT_SATISFIED, reader.transmit(ChipCommands.markUsed(keys, CHIP_A, 3, "T-1")).sw());
        assertTrue(reader.transmit(ChipCommands.nullify(keys, CHIP_A, 3, "T-1")).isOk());
    }

    @Test
    void fullChipAnswers6A84AndKeepsItsContent() throws ChipAccessException {
        int written = 0;
        ResponseApdu response;
        do {
            response = write(ticket(CHIP_A, "T-" + written, "Tour " + (written % 3)));
            written++;
        } while (response.isOk());
        assertEquals(NOT_ENOUGH_MEMORY, response.sw());
        assertTrue(written > 10, "8 KiB holds more than ten tickets");

        byte[] before = eeprom.image();
        ChipContent content = reader.readContent();
        assertEquals(NOT_ENOUGH_MEMORY, write(ticket(CHIP_A, "T-extra", "Other Event")).sw());
        assertArrayEquals(before, eeprom.image());
        assertEquals(written - 1, reader.readContent().tickets().size());
        assertEquals(content.events().size(), reader.readContent().events().size());

        // A nullified ticket keeps its ID and state, so free two records to make room for one more.
        long counter = reader.select().writeCounter();
        assertTrue(reader.transmit(ChipCommands.nullify(keys, CHIP_A, counter + 1, "T-0")).isOk());
        assertTrue(reader.transmit(ChipCommands.nullify(keys, CHIP_A, counter + 2, "T-3")).isOk());
        assertTrue(write(ticket(CHIP_A, "T-extra", "Tour 0")).isOk(), "nullifying freed room");
    }

    @Test
    void chipAuthenticatesWithItsDiversifiedKey() throws ChipAccessException {
        reader.select();
        byte[] terminalChallenge = HexFormat.of().parseHex("0102030405060708");
        ChipAuthentication evidence = reader.authenticate(terminalChallenge);
        assertTrue(evidence.verify(keys, CHIP_A));
        assertFalse(evidence.verify(MASTER.chipKeys(CHIP_B), CHIP_A));
        assertFalse(evidence.verify(keys, CHIP_B));
        ChipAuthentication again = reader.authenticate(terminalChallenge);
        assertFalse(java.util.Arrays.equals(evidence.response(), again.response()), "fresh chip challenge each time");
        assertEquals(CONDITIONS_OF_USE_NOT_SATISFIED,
                reader.transmit(ChipCommands.internalAuthenticate(terminalChallenge)).sw(), "challenge is single use");
    }

    @Test
    void proveTicketStatesTheTicketOverTheCallersChallengeAndChangesNothing() throws ChipAccessException {
        byte[] challenge = HexFormat.of().parseHex("1122334455667788");
        TicketProof absent = reader.proveTicket(challenge, "T-1");
        assertTrue(absent.verify(keys, CHIP_A));
        assertTrue(absent.state().isEmpty());
        assertEquals(0, absent.writeCounter());

        CommandApdu command = writeCommand(ticket(CHIP_A, "T-1"));
        byte[] record = java.util.Arrays.copyOfRange(command.data(), 4, command.data().length - 8);
        assertFalse(absent.holds(record));
        assertTrue(reader.transmit(command).isOk());
        byte[] before = eeprom.image();
        TicketProof written = reader.proveTicket(challenge, "T-1");
        assertArrayEquals(before, eeprom.image(), "a proof changes nothing");
        assertTrue(written.verify(keys, CHIP_A));
        assertEquals(java.util.Optional.of(TicketState.VALID), written.state());
        assertEquals(1, written.writeCounter());
        assertTrue(written.holds(record), "the digest is of the record as written");
        assertFalse(written.holds(ISSUER.issue(ticket(CHIP_A, "T-1"))), "another record of the same ticket");

        // Bound to the challenge, the chip, its key, the ticket ID and every answered field.
        byte[] other = HexFormat.of().parseHex("8877665544332211");
        assertFalse(TicketProof.of(other, "T-1", written.answer()).orElseThrow().verify(keys, CHIP_A), "replayed");
        assertFalse(TicketProof.of(challenge, "T-2", written.answer()).orElseThrow().verify(keys, CHIP_A));
        assertFalse(written.verify(keys, CHIP_B));
        assertFalse(written.verify(MASTER.chipKeys(CHIP_B), CHIP_A));
        for (int i = 0; i < TicketProof.ANSWER_LENGTH; i++) {
            byte[] tampered = written.answer();
            tampered[i] ^= 0x01;
            int at = i;
            TicketProof.of(challenge, "T-1", tampered).ifPresent(p -> assertFalse(p.verify(keys, CHIP_A), "byte " + at));
        }
        assertTrue(TicketProof.of(challenge, "T-1", new byte[TicketProof.ANSWER_LENGTH - 1]).isEmpty());

        assertTrue(reader.transmit(ChipCommands.nullify(keys, CHIP_A, 2, "T-1")).isOk());
        TicketProof nullified = reader.proveTicket(other, "T-1");
        assertTrue(nullified.verify(keys, CHIP_A));
        assertEquals(java.util.Optional.of(TicketState.NULLIFIED), nullified.state());
        assertFalse(nullified.holds(record));
    }

    @Test
    void chipsPersonalizedBeforeAMasterKeyRotationStillAcceptWrites() throws ChipAccessException {
        MasterKeyRing ring = MasterKeyRing.of(MASTER).rotate(MasterKey.generate(2, RANDOM));
        ChipInfo info = reader.select();
        ChipKeys derived = ring.chipKeys(info.keyVersion(), info.uid()).orElseThrow();
        CommandApdu command = ChipCommands.writeTicket(derived, info.uid(), info.writeCounter() + 1,
                ISSUER.issue(ticket(CHIP_A, "T-1")));
        assertTrue(reader.transmit(command).isOk());
        ChipUid fresh = ChipUid.random(RANDOM);
        ChipEmulator newChip = ChipEmulator.inMemory(ChipPersonalization.of(fresh, "eticket platform",
                ring.current().chipKeys(fresh)));
        assertEquals(2, new ChipReader(newChip).select().keyVersion());
    }

    @Test
    void statusWordsFollow7816() throws ApduTransportException {
        chip.reset();
        assertEquals(CONDITIONS_OF_USE_NOT_SATISFIED, sw("80B2000000"), "read before SELECT");
        assertEquals(NOT_FOUND, sw("00A4040005A000000001"));
        assertEquals(WRONG_LENGTH, sw("00A4040002F045"));
        assertEquals(INCORRECT_P1_P2, sw("00A4010008F0455449434B4554"));
        assertEquals(OK, sw("00A4040C08F0455449434B4554"));
        assertEquals(CLA_NOT_SUPPORTED, sw("A0B2000000"));
        assertEquals(INS_NOT_SUPPORTED, sw("8020000000"));
        assertEquals(INS_NOT_SUPPORTED, sw("0020000000"));
        assertEquals(INS_NOT_SUPPORTED, sw("84B2000000"));
        assertEquals(INCORRECT_P1_P2, sw("80B2090000"));
        assertEquals(INCORRECT_P1_P2, sw("80B2000100"));
        assertEquals(NOT_FOUND, sw("80B2020000"), "no event 0 yet");
        assertEquals(NOT_FOUND, sw("80B2040000"), "no ticket 0 yet");
        assertEquals(WRONG_LENGTH, sw("80B200000101"));
        assertEquals(INCORRECT_P1_P2, sw("80CA010000"));
        assertEquals(WRONG_LENGTH, sw("0084000004"));
        assertEquals(WRONG_LENGTH, sw("0088000004010203040505"));
        assertEquals(CONDITIONS_OF_USE_NOT_SATISFIED, sw("00880000080102030405060708"), "no challenge");
        assertEquals(INCORRECT_SECURE_MESSAGING_DATA, sw("84E2000004000000010A"));
        assertEquals(INCORRECT_P1_P2, sw("84E2010004000000010A"));
        assertEquals(INCORRECT_P1_P2, sw("840C010004000000010A"), "NULLIFY back to VALID");
        assertEquals(WRONG_LENGTH, sw("840C02000E0000000105AABBCCDDEEFF00112233"));
        assertEquals(CONDITIONS_OF_USE_NOT_SATISFIED, sw("00C0000010"), "nothing pending");
        assertEquals(WRONG_LENGTH, sw("80B40000080102030405060708"), "PROVE TICKET without a ticket ID");
        assertEquals(WRONG_LENGTH, sw("80B400000B010203040506070803AABB"), "ID shorter than its length");
        assertEquals(INCORRECT_P1_P2, sw("80B401000A01020304050607080141"));
        assertEquals(OK, sw("80B400000A0102030405060708014100"), "absent tickets are proved absent");
    }

    @Test
    void longAnswersAreChainedWithGetResponse() throws Exception {
        assertTrue(write(ticket(CHIP_A, "T-1")).isOk());
        byte[] full = reader.transmit(ChipCommands.readArea(TicketApplication.AREA_TICKET, 0)).data();
        assertTrue(full.length > 0x40);
        byte[] first = chip.transmit(HexFormat.of().parseHex("80B2040040"));
        assertEquals(0x61, first[first.length - 2] & 0xFF);
        byte[] rest = chip.transmit(HexFormat.of().parseHex("00C0000000"));
        assertEquals(OK, swOf(rest));
        assertEquals(full.length, 0x40 + rest.length - 2);
        assertEquals(CONDITIONS_OF_USE_NOT_SATISFIED, sw("00C0000000"), "answer already taken");
    }

    @Test
    void powerLossAtAnyByteOfACommitKeepsThePreviousContent() throws Exception {
        assertTrue(write(ticket(CHIP_A, "T-1", "Spring Tour")).isOk());
        assertTrue(write(ticket(CHIP_A, "T-2", "Autumn Tour")).isOk());
        ChipContent before = reader.readContent();
        byte[] start = eeprom.image();
        List<CommandApdu> commands = List.of(
                ChipCommands.writeTicket(keys, CHIP_A, 3, ISSUER.issue(ticket(CHIP_A, "T-3", "Spring Tour"))),
                ChipCommands.nullify(keys, CHIP_A, 3, "T-1"));
        for (CommandApdu command : commands) {
            MemoryEeprom probe = MemoryEeprom.copyOf(start);
            ChipReader probeReader = new ChipReader(ChipEmulator.boot(probe));
            probeReader.select();
            long written = probe.bytesWritten();
            assertTrue(probeReader.transmit(command).isOk());
            long commitLength = probe.bytesWritten() - written;
            assertTrue(commitLength > 500, "the commit rewrites the whole state: " + commitLength);
            ChipContent after = probeReader.readContent();

            for (long cut = 0; cut <= commitLength; cut++) {
                MemoryEeprom torn = MemoryEeprom.copyOf(start);
                ChipEmulator victim = ChipEmulator.boot(torn);
                new ChipReader(victim).select();
                torn.cutPowerAfter(cut);
                byte[] apdu = command.encode();
                if (cut < commitLength) {
                    assertThrows(ApduTransportException.class, () -> victim.transmit(apdu));
                    assertThrows(ApduTransportException.class, () -> victim.transmit(apdu), "no power");
                } else {
                    assertEquals(OK, swOf(victim.transmit(apdu)));
                }
                torn.restorePower();
                ChipReader rebooted = new ChipReader(ChipEmulator.boot(torn));
                long counter = rebooted.select().writeCounter();
                ChipContent content = rebooted.readContent();
                if (cut < commitLength) {
                    assertEquals(2, counter, "cut at " + cut);
                    assertContentEquals(before, content);
                } else {
                    assertEquals(3, counter);
                    assertContentEquals(after, content);
                }
            }
        }
    }

    private static void assertContentEquals(ChipContent expected, ChipContent actual) {
        assertEquals(expected.issuer(), actual.issuer());
        assertEquals(expected.events().size(), actual.events().size());
        assertEquals(expected.tickets().size(), actual.tickets().size());
        for (int i = 0; i < expected.tickets().size(); i++) {
            ChipTicket e = expected.tickets().get(i);
            ChipTicket a = actual.tickets().get(i);
            assertEquals(e.ticketId(), a.ticketId());
            assertEquals(e.state(), a.state());
            assertArrayEquals(e.record(), a.record());
        }
    }

    @Test
    void chipSurvivesAnEmulatorRestart(@TempDir Path dir) throws Exception {
        ChipDirectory chips = new ChipDirectory(dir);
        ChipPersonalization personalization = ChipPersonalization.of(CHIP_A, "eticket platform", keys);
        ChipReader first = new ChipReader(chips.create(personalization));
        first.select();
        CommandApdu command = ChipCommands.writeTicket(keys, CHIP_A, 1, ISSUER.issue(ticket(CHIP_A, "T-1")));
        assertTrue(first.transmit(command).isOk());
        ChipContent written = first.readContent();

        ChipReader restarted = new ChipReader(chips.open(CHIP_A));
        assertEquals(1, restarted.select().writeCounter());
        assertContentEquals(written, restarted.readContent());
        assertEquals(SECURITY_STATUS_NOT_SATISFIED, restarted.transmit(command).sw(), "replay after restart");

        assertThrows(FileAlreadyExistsException.class, () -> chips.create(personalization));
        assertEquals(List.of(CHIP_A), chips.uids());
    }
}
