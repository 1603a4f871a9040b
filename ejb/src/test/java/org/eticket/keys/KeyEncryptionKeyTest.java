package org.eticket.keys;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.eticket.keys.StoredKey.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void createdOnFirstStartWithOwnerOnlyPermissionsAndReadBackAfterwards() throws Exception {
        Path file = dir.resolve("data/eticket.kek");
        KeyEncryptionKey created = KeyEncryptionKey.loadOrCreate(file, RANDOM);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        KeyEncryptionKey again = KeyEncryptionKey.loadOrCreate(file, RANDOM);
        assertEquals(created.id(), again.id(), "a restart reads the same KEK");
        byte[] sealed = created.seal(new byte[] {1, 2, 3}, new byte[] {9}, RANDOM);
        assertArrayEquals(new byte[] {1, 2, 3}, again.open(sealed, new byte[] {9}));
    }

    @Test
    void aKekFileOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("eticket.kek");
        KeyEncryptionKey.loadOrCreate(file, RANDOM);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyServerException e = assertThrows(KeyServerException.class, () -> KeyEncryptionKey.loadOrCreate(file, RANDOM));
        assertTrue(e.getMessage().contains("readable by others"), e.getMessage());
    }

    @Test
    void aFileThatIsNoKekIsRefusedNotOverwritten() throws Exception {
        Path file = dir.resolve("eticket.kek");
        Files.writeString(file, "hello");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        KeyServerException e = assertThrows(KeyServerException.class, () -> KeyEncryptionKey.loadOrCreate(file, RANDOM));
        assertTrue(e.getMessage().contains("not an eticket KEK file"), e.getMessage());
        assertEquals("hello", Files.readString(file));
    }

    @Test
    void storedKeyBytesDoNotContainTheKeyAndOpenOnlyInTheirOwnRow() {
        KeyEncryptionKey kek = KeyEncryptionKey.of(random(32));
        KeySealing sealing = new KeySealing(kek, RANDOM);
        byte[] master = random(16);
        StoredKey row = sealing.seal(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE, 1, "1", master, Instant.now());

        byte[] stored = row.getSealedKey();
        assertFalse(contains(stored, master), "the database column holds no key bytes");
        assertFalse(contains(stored, java.util.Arrays.copyOf(master, 8)), "not even half of it");
        assertEquals(kek.id(), row.getKekId());
        assertArrayEquals(master, sealing.open(row));

        String hex = HexFormat.of().formatHex(master);
        assertFalse(row.toString().contains(hex) || row.toString().contains(hex.toUpperCase()), row.toString());
        assertFalse(kek.toString().contains(HexFormat.of().formatHex(stored)));

        // The same sealed bytes moved into another row (another scope or generation) do not open.
        StoredKey moved = new StoredKey(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE, 2, "2", kek.id(), stored, Instant.now());
        KeyServerException e = assertThrows(KeyServerException.class, () -> sealing.open(moved));
        assertTrue(e.getMessage().contains("altered"), e.getMessage());
        byte[] flipped = stored.clone();
        flipped[flipped.length / 2] ^= 1;
        StoredKey altered = new StoredKey(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE, 1, "1", kek.id(), flipped, Instant.now());
        assertThrows(KeyServerException.class, () -> sealing.open(altered));
    }

    @Test
    void aWrongKekFailsClearlyAndShowsNoKey() {
        KeyEncryptionKey right = KeyEncryptionKey.of(random(32));
        byte[] master = random(16);
        StoredKey row = new KeySealing(right, RANDOM).seal(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE, 1, "1", master, Instant.now());

        KeyEncryptionKey wrong = KeyEncryptionKey.of(random(32));
        KeyServerException e = assertThrows(KeyServerException.class, () -> new KeySealing(wrong, RANDOM).open(row));
        assertTrue(e.getMessage().contains("sealed under key-encryption key " + right.id()), e.getMessage());
        assertTrue(e.getMessage().contains("same KEK file"), e.getMessage());
        assertFalse(e.getMessage().toUpperCase().contains(HexFormat.of().withUpperCase().formatHex(master)));

        // A KEK file swapped under the same (forged) id still does not open the key.
        StoredKey relabelled = new StoredKey(Purpose.PLATFORM_MASTER, StoredKey.PLATFORM_SCOPE, 1, "1", wrong.id(), row.getSealedKey(), Instant.now());
        assertThrows(KeyServerException.class, () -> new KeySealing(wrong, RANDOM).open(relabelled));
    }

    @Test
    void theDefaultKekFileLiesBesideTheDatabaseDirectory() {
        assertEquals(Path.of("/srv/eticket/data/eticket.kek"), KeyEncryptionKeyFile.resolve(null, "/srv/eticket/data/db"));
        assertEquals(Path.of("/etc/eticket/kek"), KeyEncryptionKeyFile.resolve("/etc/eticket/kek", "/srv/eticket/data/db"));
        assertThrows(KeyServerException.class, () -> KeyEncryptionKeyFile.resolve(" ", null));
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void instancesReadingTheSameKekFileDeriveTheSameKeyPerPurposeOnly() throws Exception {
        Path file = dir.resolve("eticket.kek");
        KeyEncryptionKey a = KeyEncryptionKey.loadOrCreate(file, RANDOM);
        KeyEncryptionKey b = KeyEncryptionKey.loadOrCreate(file, RANDOM);
        assertArrayEquals(a.derive("instance-relay/v1", 32), b.derive("instance-relay/v1", 32));
        assertFalse(java.util.Arrays.equals(a.derive("instance-relay/v1", 32), a.derive("instance-relay/v2", 32)));
        KeyEncryptionKey other = KeyEncryptionKey.loadOrCreate(dir.resolve("other.kek"), RANDOM);
        assertFalse(java.util.Arrays.equals(a.derive("instance-relay/v1", 32), other.derive("instance-relay/v1", 32)));
    }
}
