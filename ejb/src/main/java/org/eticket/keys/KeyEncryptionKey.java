package org.eticket.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The key-encryption key (KEK) that seals every stored key (AES-256-GCM). It lives in a file of
 * its own outside the repository and the database, readable by the owner only, so a copy of the
 * database alone reveals no key. Every instance sharing a database must read the same file.
 *
 * <p>File format: the ASCII line {@code eticket-kek-v1} and a newline, then 32 random bytes.
 */
public final class KeyEncryptionKey {

    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    private static final byte[] MAGIC = "eticket-kek-v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] key;
    private final String id;

    private KeyEncryptionKey(byte[] key) {
        this.key = key;
        this.id = fingerprint(key);
    }

    /** For tests: a KEK held in memory only. */
    static KeyEncryptionKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a key-encryption key has " + KEY_LENGTH + " bytes");
        }
        return new KeyEncryptionKey(key.clone());
    }

    /**
     * Reads the KEK from {@code file}, or creates it there with owner-only permissions when it
     * does not exist yet (first start). Two instances starting at once both end up with the file
     * that won the race: it is made complete under a temporary name and then linked in place,
     * which fails instead of replacing an existing file.
     */
    public static KeyEncryptionKey loadOrCreate(Path file, SecureRandom random) {
        Objects.requireNonNull(file, "file");
        try {
            return load(file);
        } catch (NoSuchFileException missing) {
            return create(file, random);
        } catch (IOException e) {
            throw new KeyServerException("cannot read the key-encryption key file " + file + ": " + e, e);
        }
    }

    private static KeyEncryptionKey load(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (content.length != MAGIC.length + KEY_LENGTH || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeyServerException("the key-encryption key file " + file + " is not an eticket KEK file ("
                    + content.length + " bytes)");
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new KeyServerException("the key-encryption key file " + file + " is readable by others ("
                        + PosixFilePermissions.toString(permissions) + "); allow its owner only (chmod 600)");
            }
        }
        return new KeyEncryptionKey(Arrays.copyOfRange(content, MAGIC.length, content.length));
    }

    private static KeyEncryptionKey create(Path file, SecureRandom random) {
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        byte[] content = new byte[MAGIC.length + KEY_LENGTH];
        System.arraycopy(MAGIC, 0, content, 0, MAGIC.length);
        System.arraycopy(key, 0, content, MAGIC.length, KEY_LENGTH);
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            boolean posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
            temporary = Files.createTempFile(directory, ".kek-", ".tmp", attributes);
            Files.write(temporary, content);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.createLink(file, temporary);
            return new KeyEncryptionKey(key);
        } catch (FileAlreadyExistsException raced) {
            try {
                return load(file);
            } catch (IOException e) {
                throw new KeyServerException("cannot read the key-encryption key file " + file + ": " + e, e);
            }
        } catch (AccessDeniedException e) {
            throw new KeyServerException("cannot create the key-encryption key file " + file + ": access denied", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new KeyServerException("cannot create the key-encryption key file " + file + ": " + e, e);
        } finally {
            Arrays.fill(content, (byte) 0);
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Only the temporary name is left behind; the KEK itself is in place or not created.
                }
            }
        }
    }

    /** A public fingerprint of this KEK, stored beside every sealed key, so a wrong KEK file is named as such. */
    public String id() {
        return id;
    }

    /**
     * A key for another purpose than sealing, derived from the KEK with HKDF-SHA256 (RFC 5869):
     * every instance that reads the same KEK file derives the same key, and the KEK itself never
     * leaves this class. {@code purpose} separates the uses (e.g. "instance-relay/v1").
     */
    public byte[] derive(String purpose, int length) {
        Objects.requireNonNull(purpose, "purpose");
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key, "eticket/kek-derived".getBytes(StandardCharsets.US_ASCII),
                purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** @return nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16), bound to {@code context} */
    byte[] seal(byte[] plaintext, byte[] context, SecureRandom random) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] ciphertext = gcm.doFinal(plaintext);
            byte[] sealed = new byte[NONCE_LENGTH + ciphertext.length];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_LENGTH);
            System.arraycopy(ciphertext, 0, sealed, NONCE_LENGTH, ciphertext.length);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new KeyServerException("AES-GCM is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    /** @throws AEADBadTagException when the sealed bytes, the context or the KEK differ from sealing */
    byte[] open(byte[] sealed, byte[] context) throws AEADBadTagException {
        if (sealed == null || sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new AEADBadTagException("sealed key too short");
        }
        try {
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_LENGTH), context);
            return gcm.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new KeyServerException("AES-GCM is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] context) throws GeneralSecurityException {
        // The JDK's own provider: no BouncyCastle provider is registered in the server (see ejb/pom.xml).
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        gcm.updateAAD(context);
        return gcm;
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("eticket/kek-id/".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().withUpperCase().formatHex(sha.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
