package org.eticket.keys;

import static org.junit.jupiter.api.Assertions.*;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.chip.crypto.MasterKeyRing;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.protocol.ChipAuthentication;
import org.eticket.chip.protocol.ChipReader;
import org.eticket.chip.record.BuyerIdentification;
import org.eticket.chip.record.EventInfo;
import org.eticket.chip.record.GateEventId;
import org.eticket.chip.record.PersonalData;
import org.eticket.chip.record.Seat;
import org.eticket.chip.record.Ticket;
import org.eticket.chip.record.TicketIssuer;
import org.eticket.chip.record.TicketVerifier;
import org.eticket.keys.StoredKey.Purpose;
import org.junit.jupiter.api.Test;

/** Rotation through the stored rows, as the key server reads them back after a restart. */
class KeyRotationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ChipUid CHIP = ChipUid.parse("04A1B2C3D4E5F6");

    private final KeySealing sealing = new KeySealing(KeyEncryptionKey.of(KeyEncryptionKeyTest.random(32)), RANDOM);
    private final List<StoredKey> rows = new ArrayList<>();

    @Test
    void ticketsIssuedBeforeAnEventKeyRotationStillVerifyAndDecrypt() {
        storeEventGeneration(1);
        EventKeys first = currentEventKeys();
        byte[] oldRecord = new TicketIssuer(first.signingKey(), first.personalDataKey(), RANDOM).issue(ticket("T-OLD"));

        storeEventGeneration(2);
        EventKeys second = currentEventKeys();
        assertEquals(2, second.generation());
        assertNotEquals(first.signingKey().id(), second.signingKey().id());
        byte[] newRecord = new TicketIssuer(second.signingKey(), second.personalDataKey(), RANDOM).issue(ticket("T-NEW"));

        TicketVerifier gate = new TicketVerifier(KeyRings.event(rows, sealing).verificationOnly());
        assertTrue(gate.verify(CHIP, oldRecord).verified(), "issued under generation 1");
        assertTrue(gate.verify(CHIP, newRecord).verified(), "issued under generation 2");

        List<StoredKey> withoutFirst = rows.stream().filter(r -> r.getGeneration() != 1).toList();
        assertFalse(new TicketVerifier(KeyRings.event(withoutFirst, sealing)).verify(CHIP, oldRecord).verified(),
                "the old generation is what verifies the old ticket");
    }

    @Test
    void chipsPersonalizedBeforeAMasterKeyRotationStillAuthenticate() throws Exception {
        storeMaster(1);
        MasterKeyRing before = KeyRings.master(rows, sealing);
        ChipKeys oldChipKeys = before.current().chipKeys(CHIP);
        ChipEmulator chip = ChipEmulator.inMemory(ChipPersonalization.of(CHIP, "eticket", oldChipKeys));

        storeMaster(2);
        MasterKeyRing after = KeyRings.master(rows, sealing);
        assertEquals(2, after.current().version(), "new chips get version 2");

        ChipReader reader = new ChipReader(chip);
        int version = reader.select().keyVersion();
        assertEquals(1, version);
        byte[] challenge = KeyEncryptionKeyTest.random(8);
        ChipAuthentication evidence = reader.authenticate(challenge);
        assertTrue(evidence.verify(after.chipKeys(version, CHIP).orElseThrow(), CHIP));
        assertFalse(evidence.verify(after.current().chipKeys(CHIP), CHIP), "the new master key does not fit the old chip");
    }

    private void storeMaster(int version) {
        MasterKey key = MasterKey.generate(version, RANDOM);
        rows.add(sealing.seal(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE, version, Integer.toString(version), key.key(), Instant.now()));
    }

    private void storeEventGeneration(int generation) {
        EventSigningKey signing = EventSigningKey.generate(RANDOM);
        PersonalDataKey personal = PersonalDataKey.generate(RANDOM);
        String scope = StoredKey.eventScope(7L);
        rows.add(sealing.seal(Purpose.EVENT_SIGNING, scope, generation, signing.id().toString(), signing.privateKey(), Instant.now()));
        rows.add(sealing.seal(Purpose.EVENT_PERSONAL_DATA, scope, generation, personal.id().toString(), personal.secret(), Instant.now()));
    }

    private EventKeys currentEventKeys() {
        int newest = rows.stream().mapToInt(StoredKey::getGeneration).max().orElseThrow();
        StoredKey signing = rows.stream().filter(r -> r.getPurpose() == Purpose.EVENT_SIGNING && r.getGeneration() == newest).findFirst().orElseThrow();
        StoredKey personal = rows.stream().filter(r -> r.getPurpose() == Purpose.EVENT_PERSONAL_DATA && r.getGeneration() == newest).findFirst().orElseThrow();
        return KeyRings.current(signing, personal, sealing);
    }

    private static Ticket ticket(String id) {
        return new Ticket(id, CHIP, List.of(new GateEventId("MAIN", "EV-1")),
                new EventInfo("Aurora", "Grand Hall", LocalDate.of(2026, 12, 24), LocalTime.of(17, 0), LocalTime.of(18, 0), ""),
                new Seat("A", "S", "1F", "A-1"), "Ticket Plaza",
                new PersonalData("Alice", Set.of(), null, "", new BuyerIdentification("Alice", "1 x S", Instant.ofEpochSecond(1_700_000_000L))));
    }
}
