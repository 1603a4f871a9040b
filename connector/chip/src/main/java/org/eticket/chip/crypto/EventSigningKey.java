package org.eticket.chip.crypto;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An event's Ed25519 signing key (design §4). The center holds the private half and signs each
 * ticket record; gate terminals get only the public half at installation (C27) and verify offline.
 */
public final class EventSigningKey {

    public static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
    public static final int PRIVATE_KEY_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
    public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private final KeyId id;
    private final Ed25519PublicKeyParameters publicKey;
    private final Ed25519PrivateKeyParameters privateKey;

    private EventSigningKey(Ed25519PublicKeyParameters publicKey, Ed25519PrivateKeyParameters privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.id = KeyId.fingerprint("eticket/ed25519/", publicKey.getEncoded());
    }

    public static EventSigningKey generate(SecureRandom random) {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
        return new EventSigningKey(privateKey.generatePublicKey(), privateKey);
    }

    /** Restores a signing key from its 32-byte RFC 8032 private key (the center's key store). */
    public static EventSigningKey fromPrivateKey(byte[] privateKey) {
        requireLength(privateKey, PRIVATE_KEY_LENGTH, "Ed25519 private key");
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(privateKey);
        return new EventSigningKey(key.generatePublicKey(), key);
    }

    /** A verification-only key from its 32-byte RFC 8032 public key. */
    public static EventSigningKey fromPublicKey(byte[] publicKey) {
        requireLength(publicKey, PUBLIC_KEY_LENGTH, "Ed25519 public key");
        return new EventSigningKey(new Ed25519PublicKeyParameters(publicKey), null);
    }

    /** A verification-only key from a DER SubjectPublicKeyInfo (RFC 8410), as certificates carry it. */
    public static EventSigningKey fromSubjectPublicKeyInfo(byte[] der) throws IOException {
        Objects.requireNonNull(der, "der");
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (RuntimeException e) {
            // BouncyCastle's ASN.1 parser reports some malformed input unchecked; keep it one checked failure.
            throw new IOException("not a SubjectPublicKeyInfo", e);
        }
        if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
            throw new IOException("not an Ed25519 public key");
        }
        return new EventSigningKey(ed25519, null);
    }

    public KeyId id() {
        return id;
    }

    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    public byte[] subjectPublicKeyInfo() {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of an Ed25519 key failed", e);
        }
    }

    /** The 32-byte private key for the center's key store; absent on a verification-only key. */
    public byte[] privateKey() {
        requirePrivate();
        return privateKey.getEncoded();
    }

    public boolean canSign() {
        return privateKey != null;
    }

    /** The public half only, as exported to gate terminals. */
    public EventSigningKey verificationOnly() {
        return privateKey == null ? this : new EventSigningKey(publicKey, null);
    }

    public byte[] sign(byte[] message) {
        requirePrivate();
        byte[] signature = new byte[SIGNATURE_LENGTH];
        privateKey.sign(Ed25519.Algorithm.Ed25519, publicKey, null, message, 0, message.length, signature, 0);
        return signature;
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        return publicKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    @Override
    public String toString() {
        return "EventSigningKey[" + id + (canSign() ? ", private" : "") + "]";
    }

    private void requirePrivate() {
        if (privateKey == null) {
            throw new IllegalStateException("verification-only key " + id);
        }
    }

    static void requireLength(byte[] bytes, int length, String what) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " has " + length + " bytes");
        }
    }
}
