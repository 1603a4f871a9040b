package org.eticket.chip.crypto;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.eticket.chip.ChipUid;
import org.eticket.chip.TestTickets;
import org.junit.jupiter.api.Test;

class KeyDiversificationTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void matchesTheAn10922Example() {
        // AN10922 §2.2.1: master key, UID 04782E21801D80, AID 3042F5, system identifier "NXP Abu".
        byte[] key = KeyDiversification.aes128(hex("00112233445566778899AABBCCDDEEFF"),
                hex("04782E21801D80" + "3042F5" + "4E585020416275"));
        assertArrayEquals(hex("A8DD63A3B89D54B37CA802473FDA9175"), key);
    }

    @Test
    void thirtyOneByteInputIsPlainCmacWithK1() {
        byte[] master = hex("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] m = new byte[31];
        Arrays.fill(m, (byte) 0x5A);
        byte[] d = new byte[32];
        d[0] = 1;
        System.arraycopy(m, 0, d, 1, 31);
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(master));
        cmac.update(d, 0, d.length);
        byte[] expected = new byte[16];
        cmac.doFinal(expected, 0);
        assertArrayEquals(expected, KeyDiversification.aes128(master, m));
    }

    @Test
    void shortInputIsPaddedToTwoBlocksUnlikePlainCmac() {
        byte[] master = hex("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] m = hex("0102030405060708090A0B0C0D0E0F"); // 0x01 || M is exactly one block
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(master));
        byte[] d = new byte[16];
        d[0] = 1;
        System.arraycopy(m, 0, d, 1, 15);
        cmac.update(d, 0, 16);
        byte[] plain = new byte[16];
        cmac.doFinal(plain, 0);
        assertFalse(Arrays.equals(plain, KeyDiversification.aes128(master, m)));
    }

    @Test
    void chipKeysDifferPerChipAndPurpose() {
        ChipKeys a = ChipKeys.derive(TestTickets.MASTER, TestTickets.CHIP_A);
        ChipKeys a2 = TestTickets.MASTER.chipKeys(TestTickets.CHIP_A);
        ChipKeys b = ChipKeys.derive(TestTickets.MASTER, TestTickets.CHIP_B);
        assertArrayEquals(a.writeKey(), a2.writeKey());
        assertFalse(Arrays.equals(a.writeKey(), a.authenticationKey()));
        assertFalse(Arrays.equals(a.writeKey(), b.writeKey()));
        assertFalse(Arrays.equals(a.authenticationKey(), b.authenticationKey()));
        assertEquals(1, a.keyVersion());
        assertFalse(a.toString().contains(HexFormat.of().formatHex(a.writeKey())));
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> KeyDiversification.aes128(new byte[15], new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> KeyDiversification.aes128(new byte[16], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> KeyDiversification.aes128(new byte[16], new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> ChipUid.of(new byte[6]));
    }
}
