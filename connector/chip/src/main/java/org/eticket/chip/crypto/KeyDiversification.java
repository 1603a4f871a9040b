package org.eticket.chip.crypto;

import java.util.Objects;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-128 key diversification of NXP AN10922 §2.2, as DESFire and Calypso issuers use it: the
 * diversified key is the CMAC of {@code 0x01 || M} always taken over two blocks, i.e. padded with
 * {@code 80 00..} to 32 bytes and finished with subkey K2, or finished with K1 when M is 31 bytes.
 * Plain RFC 4493 CMAC differs when {@code 0x01 || M} fits in one block, hence the own code here.
 */
public final class KeyDiversification {

    public static final int KEY_LENGTH = 16;
    public static final int MAX_INPUT_LENGTH = 31;

    private static final int BLOCK = 16;

    private KeyDiversification() {
    }

    /** @param input the diversification input M, 1 to 31 bytes (UID, application and system identifiers) */
    public static byte[] aes128(byte[] masterKey, byte[] input) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(input, "input");
        if (masterKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-128 master key has 16 bytes");
        }
        if (input.length < 1 || input.length > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("diversification input has 1 to 31 bytes");
        }
        BlockCipher aes = AESEngine.newInstance();
        aes.init(true, new KeyParameter(masterKey));
        byte[] k1 = new byte[BLOCK];
        aes.processBlock(new byte[BLOCK], 0, k1, 0);
        k1 = doubled(k1);
        byte[] k2 = doubled(k1);

        byte[] d = new byte[2 * BLOCK];
        d[0] = 0x01;
        System.arraycopy(input, 0, d, 1, input.length);
        boolean padded = 1 + input.length < d.length;
        if (padded) {
            d[1 + input.length] = (byte) 0x80;
        }
        byte[] subkey = padded ? k2 : k1;
        for (int i = 0; i < BLOCK; i++) {
            d[BLOCK + i] ^= subkey[i];
        }
        byte[] state = new byte[BLOCK];
        aes.processBlock(d, 0, state, 0);
        for (int i = 0; i < BLOCK; i++) {
            state[i] ^= d[BLOCK + i];
        }
        byte[] key = new byte[BLOCK];
        aes.processBlock(state, 0, key, 0);
        return key;
    }

    /** Multiplication by x in GF(2^128), the CMAC subkey step (RFC 4493 §2.3). */
    private static byte[] doubled(byte[] in) {
        byte[] out = new byte[BLOCK];
        int carry = 0;
        for (int i = BLOCK - 1; i >= 0; i--) {
            int b = in[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        if (carry != 0) {
            out[BLOCK - 1] ^= (byte) 0x87;
        }
        return out;
    }
}
