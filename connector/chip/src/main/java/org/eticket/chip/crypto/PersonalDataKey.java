package org.eticket.chip.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.eticket.chip.ChipUid;

/**
 * An event's key material for the personal part of its tickets (attendee, buyer). Each chip gets
 * its own AES-256-GCM key, HKDF-SHA256(secret, salt = key ID, info = label || UID), and the chip
 * UID is associated data too: the personal part decrypts only on the chip it was written for
 * (Fig 42 S4202/S4205, 002 cl. 79; re-bound for an assignee by re-issuing). Gates receive the
 * secret at installation to show seat guidance by attribute (Fig 46).
 */
public final class PersonalDataKey {

    public static final int SECRET_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private static final byte[] LABEL = "eticket/personal-data/v1/".getBytes(StandardCharsets.US_ASCII);

    private final KeyId id;
    private final byte[] secret;

    private PersonalDataKey(byte[] secret) {
        this.secret = secret;
        this.id = KeyId.fingerprint("eticket/personal-data-key/", secret);
    }

    public static PersonalDataKey generate(SecureRandom random) {
        byte[] secret = new byte[SECRET_LENGTH];
        random.nextBytes(secret);
        return new PersonalDataKey(secret);
    }

    public static PersonalDataKey fromSecret(byte[] secret) {
        EventSigningKey.requireLength(secret, SECRET_LENGTH, "personal-data secret");
        return new PersonalDataKey(secret.clone());
    }

    public KeyId id() {
        return id;
    }

    /** The secret, for the center's key store and the gate installation package. */
    public byte[] secret() {
        return secret.clone();
    }

    /** @return ciphertext followed by the 16-byte GCM tag */
    public byte[] encrypt(ChipUid chip, byte[] nonce, byte[] header, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        GCMModeCipher gcm = cipher(true, chip, nonce, header);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return out;
    }

    /** @throws AEADBadTagException when the chip, header, nonce, key or ciphertext differ from encryption */
    public byte[] decrypt(ChipUid chip, byte[] nonce, byte[] header, byte[] ciphertext) throws AEADBadTagException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length < TAG_LENGTH) {
            throw new AEADBadTagException("ciphertext shorter than the GCM tag");
        }
        GCMModeCipher gcm = cipher(false, chip, nonce, header);
        byte[] out = new byte[gcm.getOutputSize(ciphertext.length)];
        int n = gcm.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new AEADBadTagException("personal data not sealed for this chip and key");
        }
        return out;
    }

    @Override
    public String toString() {
        return "PersonalDataKey[" + id + "]";
    }

    private GCMModeCipher cipher(boolean encrypt, ChipUid chip, byte[] nonce, byte[] header) {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(header, "header");
        EventSigningKey.requireLength(nonce, NONCE_LENGTH, "GCM nonce");
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(chipKey(chip)), 8 * TAG_LENGTH, nonce));
        byte[] uid = chip.bytes();
        gcm.processAADBytes(uid, 0, uid.length);
        gcm.processAADBytes(header, 0, header.length);
        return gcm;
    }

    private byte[] chipKey(ChipUid chip) {
        byte[] uid = chip.bytes();
        byte[] info = new byte[LABEL.length + uid.length];
        System.arraycopy(LABEL, 0, info, 0, LABEL.length);
        System.arraycopy(uid, 0, info, LABEL.length, uid.length);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, id.toBytes(), info));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }
}
