package org.eticket.chip.apdu;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;

import org.eticket.chip.TestTickets;
import org.eticket.chip.card.ChipEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandApduTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static void assertApdu(CommandApdu c, int nc, int ne) {
        assertEquals(0x80, c.cla());
        assertEquals(0xB2, c.ins());
        assertEquals(0x01, c.p1());
        assertEquals(0x02, c.p2());
        assertEquals(nc, c.nc());
        assertEquals(ne, c.ne());
    }

    @Test
    void parsesAllSevenCases() throws ApduFormatException {
        assertApdu(CommandApdu.parse(hex("80B20102")), 0, 0);
        assertApdu(CommandApdu.parse(hex("80B20102 10")), 0, 16);
        assertApdu(CommandApdu.parse(hex("80B20102 00")), 0, 256);
        assertApdu(CommandApdu.parse(hex("80B20102 03 AABBCC")), 3, 0);
        assertApdu(CommandApdu.parse(hex("80B20102 03 AABBCC 20")), 3, 32);
        assertApdu(CommandApdu.parse(hex("80B20102 03 AABBCC 00")), 3, 256);
        assertApdu(CommandApdu.parse(hex("80B20102 000102")), 0, 258);
        assertApdu(CommandApdu.parse(hex("80B20102 000000")), 0, 65536);
        assertApdu(CommandApdu.parse(hex("80B20102 000003 AABBCC")), 3, 0);
        assertApdu(CommandApdu.parse(hex("80B20102 000003 AABBCC 0400")), 3, 1024);
        assertApdu(CommandApdu.parse(hex("80B20102 000003 AABBCC 0000")), 3, 65536);
        assertArrayEquals(hex("AABBCC"), CommandApdu.parse(hex("80B20102 000003 AABBCC 0000")).data());
    }

    @Test
    void encodesShortOrExtendedAndParsesBack() throws ApduFormatException {
        int[] lengths = {0, 1, 255, 256, 300, 65535};
        int[] nes = {0, 1, 256, 257, 65536};
        for (int nc : lengths) {
            for (int ne : nes) {
                CommandApdu c = new CommandApdu(0x84, 0xE2, 0, 0, new byte[nc], ne);
                byte[] encoded = c.encode();
                boolean extended = nc > 255 || ne > 256;
                int expected = 4 + (nc == 0 ? 0 : (extended ? 3 : 1)) + nc
                        + (ne == 0 ? 0 : extended ? (nc == 0 ? 3 : 2) : 1);
                assertEquals(expected, encoded.length, "nc " + nc + " ne " + ne);
                CommandApdu back = CommandApdu.parse(encoded);
                assertEquals(nc, back.nc());
                assertEquals(ne, back.ne());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "80", "80B2", "80B201",           // shorter than the header
            "80B20102 05 AABBCC",                  // Lc says 5, 3 data bytes
            "80B20102 02 AABBCC 00 00",            // Lc 2, then 3 bytes too many
            "80B20102 00 01",                      // extended length cut after one byte
            "80B20102 000000 AA",                  // extended Lc 0 but data follows
            "80B20102 000005 AABBCC",              // extended Lc 5, 3 data bytes
            "80B20102 000002 AABB 00",             // extended Le cut to one byte
            "80B20102 000002 AABB 000000",         // one byte after extended Le
    })
    void badLengthsAreRefusedAndTheChipAnswers6700(String apdu) throws ApduTransportException {
        byte[] bytes = hex(apdu);
        assertThrows(ApduFormatException.class, () -> CommandApdu.parse(bytes));
        ChipEmulator chip = TestTickets.chip(TestTickets.CHIP_A);
        assertArrayEquals(hex("6700"), chip.transmit(bytes));
    }

    @Test
    void refusesOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0x100, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0, 0, 0, 0, new byte[65536], 0));
        assertThrows(IllegalArgumentException.class, () -> new CommandApdu(0, 0, 0, 0, 65537));
    }

    @Test
    void responseNeedsTheStatusWord() throws ApduFormatException {
        assertThrows(ApduFormatException.class, () -> ResponseApdu.parse(hex("90")));
        ResponseApdu r = ResponseApdu.parse(hex("0102 6A84"));
        assertEquals(StatusWord.NOT_ENOUGH_MEMORY, r.sw());
        assertArrayEquals(hex("0102"), r.data());
        assertArrayEquals(hex("01026A84"), r.encode());
    }
}
