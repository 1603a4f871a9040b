package org.eticket.chip.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.eticket.chip.ChipUid;

/**
 * The AES-CMAC values exchanged with a chip. Each MAC input starts with a one-byte domain
 * ('C' command, 'R' response, 'A' authentication, 'P' ticket proof) and the chip UID, so no value
 * can be reused for another purpose or another chip.
 */
public final class ChipMacs {

    /** Truncated CMAC on WRITE/NULLIFY commands and their responses (as GlobalPlatform C-MACs). */
    public static final int MAC_LENGTH = 8;
    public static final int CHALLENGE_LENGTH = 8;
    public static final int AUTHENTICATION_RESPONSE_LENGTH = 16;
    public static final int TICKET_PROOF_LENGTH = 16;
    /** SHA-256 of a ticket record, as PROVE TICKET reports it. */
    public static final int RECORD_DIGEST_LENGTH = 32;

    private ChipMacs() {
    }

    /**
     * MAC of a secured command: CMAC(write key, 'C' || UID || CLA INS P1 P2 || data without MAC),
     * where the data starts with the write counter, so an altered or replayed command fails.
     */
    public static byte[] commandMac(byte[] writeKey, ChipUid uid, int cla, int ins, int p1, int p2,
                                    byte[] data, int offset, int length) {
        CMac mac = cmac(writeKey);
        mac.update((byte) 'C');
        update(mac, uid.bytes());
        mac.update((byte) cla);
        mac.update((byte) ins);
        mac.update((byte) p1);
        mac.update((byte) p2);
        mac.update(data, offset, length);
        return truncated(mac, MAC_LENGTH);
    }

    /** MAC the chip returns after executing a secured command: proves the write happened (C14). */
    public static byte[] responseMac(byte[] writeKey, ChipUid uid, long counter, byte[] commandMac) {
        CMac mac = cmac(writeKey);
        mac.update((byte) 'R');
        update(mac, uid.bytes());
        update(mac, counterBytes(counter));
        update(mac, commandMac);
        return truncated(mac, MAC_LENGTH);
    }

    /** Chip authentication: CMAC(auth key, 'A' || UID || chip challenge || terminal challenge). */
    public static byte[] authenticationResponse(byte[] authenticationKey, ChipUid uid,
                                                byte[] chipChallenge, byte[] terminalChallenge) {
        CMac mac = cmac(authenticationKey);
        mac.update((byte) 'A');
        update(mac, uid.bytes());
        update(mac, chipChallenge);
        update(mac, terminalChallenge);
        return truncated(mac, AUTHENTICATION_RESPONSE_LENGTH);
    }

    /**
     * Proof of a ticket's state on the chip (PROVE TICKET): CMAC(auth key, 'P' || UID || challenge ||
     * ID length || ticket ID || write counter || state || record digest). Only the genuine chip and
     * the center can compute it, and the caller's fresh challenge makes a recorded one useless.
     */
    public static byte[] ticketProof(byte[] authenticationKey, ChipUid uid, byte[] challenge, byte[] ticketId,
                                     long counter, int state, byte[] recordDigest) {
        if (challenge.length != CHALLENGE_LENGTH || ticketId.length < 1 || ticketId.length > 0xFF
                || recordDigest.length != RECORD_DIGEST_LENGTH) {
            throw new IllegalArgumentException("challenge 8 bytes, ticket ID 1-255 bytes, digest 32 bytes");
        }
        CMac mac = cmac(authenticationKey);
        mac.update((byte) 'P');
        update(mac, uid.bytes());
        update(mac, challenge);
        mac.update((byte) ticketId.length);
        update(mac, ticketId);
        update(mac, counterBytes(counter));
        mac.update((byte) state);
        update(mac, recordDigest);
        return truncated(mac, TICKET_PROOF_LENGTH);
    }

    /** SHA-256 of a record; 32 zero bytes stand for "no record" (absent or nullified ticket). */
    public static byte[] recordDigest(byte[] record) {
        if (record == null) {
            return new byte[RECORD_DIGEST_LENGTH];
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(record);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Constant-time comparison, so timing reveals nothing about a MAC. */
    public static boolean matches(byte[] expected, byte[] actual) {
        return expected != null && actual != null
                && org.bouncycastle.util.Arrays.constantTimeAreEqual(expected, actual);
    }

    /** The 4-byte big-endian form of a write counter, as it travels in the command. */
    public static byte[] counterBytes(long counter) {
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("write counter is 32 bits unsigned: " + counter);
        }
        return new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter};
    }

    private static CMac cmac(byte[] key) {
        if (key == null || key.length != KeyDiversification.KEY_LENGTH) {
            throw new IllegalArgumentException("chip MAC keys are AES-128 keys");
        }
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        return mac;
    }

    private static void update(CMac mac, byte[] bytes) {
        mac.update(bytes, 0, bytes.length);
    }

    private static byte[] truncated(CMac mac, int length) {
        byte[] full = new byte[mac.getMacSize()];
        mac.doFinal(full, 0);
        return Arrays.copyOf(full, length);
    }
}
