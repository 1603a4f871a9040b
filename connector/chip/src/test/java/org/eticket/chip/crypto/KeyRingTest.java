package org.eticket.chip.crypto;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.eticket.chip.TestTickets;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final byte[] MESSAGE = "ticket".getBytes(StandardCharsets.US_ASCII);

    @Test
    void ed25519SignsAndVerifiesAcrossEncodings() throws IOException {
        EventSigningKey key = EventSigningKey.generate(TestTickets.RANDOM);
        byte[] signature = key.sign(MESSAGE);
        EventSigningKey fromRaw = EventSigningKey.fromPublicKey(key.publicKey());
        EventSigningKey fromSpki = EventSigningKey.fromSubjectPublicKeyInfo(key.subjectPublicKeyInfo());
        EventSigningKey restored = EventSigningKey.fromPrivateKey(key.privateKey());
        for (EventSigningKey k : List.of(key, fromRaw, fromSpki, restored)) {
            assertEquals(key.id(), k.id());
            assertTrue(k.verify(MESSAGE, signature));
            assertFalse(k.verify("ticket!".getBytes(StandardCharsets.US_ASCII), signature));
        }
        assertArrayEquals(signature, restored.sign(MESSAGE), "Ed25519 is deterministic");
        assertFalse(fromRaw.canSign());
        assertThrows(IllegalStateException.class, () -> fromRaw.sign(MESSAGE));
        assertThrows(IOException.class, () -> EventSigningKey.fromSubjectPublicKeyInfo(new byte[] {0x30, 0x03, 1, 2}));
        assertFalse(key.verify(MESSAGE, Arrays.copyOf(signature, 63)));
    }

    @Test
    void personalDataOpensOnlyForItsChipHeaderAndKey() throws AEADBadTagException {
        PersonalDataKey key = PersonalDataKey.generate(TestTickets.RANDOM);
        byte[] nonce = new byte[PersonalDataKey.NONCE_LENGTH];
        byte[] header = {1, 2, 3};
        byte[] sealed = key.encrypt(TestTickets.CHIP_A, nonce, header, MESSAGE);
        assertEquals(MESSAGE.length + PersonalDataKey.TAG_LENGTH, sealed.length);
        assertArrayEquals(MESSAGE, key.decrypt(TestTickets.CHIP_A, nonce, header, sealed));
        assertArrayEquals(MESSAGE, PersonalDataKey.fromSecret(key.secret()).decrypt(TestTickets.CHIP_A, nonce, header, sealed));
        assertThrows(AEADBadTagException.class, () -> key.decrypt(TestTickets.CHIP_B, nonce, header, sealed));
        assertThrows(AEADBadTagException.class, () -> key.decrypt(TestTickets.CHIP_A, nonce, new byte[] {1, 2, 4}, sealed));
        assertThrows(AEADBadTagException.class, () -> PersonalDataKey.generate(TestTickets.RANDOM)
                .decrypt(TestTickets.CHIP_A, nonce, header, sealed));
        assertThrows(AEADBadTagException.class, () -> key.decrypt(TestTickets.CHIP_A, nonce, header, new byte[5]));
    }

    @Test
    void eventRingKeepsRotatedKeysAndExportsNoPrivateKey() {
        EventSigningKey old = EventSigningKey.generate(TestTickets.RANDOM);
        EventSigningKey current = EventSigningKey.generate(TestTickets.RANDOM);
        EventKeyRing ring = EventKeyRing.of(List.of(old), List.of()).with(current).with(TestTickets.PERSONAL);
        assertTrue(ring.signingKey(old.id()).isPresent());
        assertTrue(ring.signingKey(current.id()).isPresent());
        assertTrue(ring.personalDataKey(TestTickets.PERSONAL.id()).isPresent());
        EventKeyRing gate = ring.verificationOnly();
        assertTrue(gate.signingKeys().stream().noneMatch(EventSigningKey::canSign));
        assertEquals(2, gate.signingKeys().size());
        assertNotEquals(old.id(), current.id());
    }

    @Test
    void masterRingDerivesKeysOfChipsPersonalizedBeforeRotation() {
        MasterKey v1 = MasterKey.generate(1, TestTickets.RANDOM);
        MasterKey v2 = MasterKey.generate(2, TestTickets.RANDOM);
        MasterKeyRing ring = MasterKeyRing.of(v1).rotate(v2);
        assertEquals(2, ring.current().version());
        assertArrayEquals(v1.chipKeys(TestTickets.CHIP_A).writeKey(),
                ring.chipKeys(1, TestTickets.CHIP_A).orElseThrow().writeKey());
        assertTrue(ring.chipKeys(3, TestTickets.CHIP_A).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ring.rotate(MasterKey.generate(2, TestTickets.RANDOM)));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.generate(0, TestTickets.RANDOM));
    }

    @Test
    void keyIdRoundTripsThroughBytes() {
        KeyId id = TestTickets.SIGNING.id();
        assertEquals(id, KeyId.fromBytes(id.toBytes(), 0));
        assertEquals(16, id.toString().length());
    }
}
