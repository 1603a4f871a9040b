package org.eticket.chip.protocol;

import static org.eticket.chip.TestTickets.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;

import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.apdu.CommandApdu;
import org.eticket.chip.apdu.ResponseApdu;
import org.eticket.chip.apdu.StatusWord;
import org.eticket.chip.crypto.ChipKeys;
import org.junit.jupiter.api.Test;

class ChipReaderTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void brokenOrHostileChipsGiveCheckedErrors() {
        ChipReader endless = new ChipReader(command -> hex("6100"));
        assertThrows(ChipAccessException.class, endless::select);
        ChipReader mute = new ChipReader(command -> hex("90"));
        assertThrows(ChipAccessException.class, mute::select);
        ChipReader gone = new ChipReader(command -> {
            throw new ApduTransportException("card removed");
        });
        assertThrows(ChipAccessException.class, gone::freeSpace);
        ChipReader oddFci = new ChipReader(command -> hex("6F0384010A9000"));
        assertThrows(ChipAccessException.class, oddFci::select);
        ChipReader refusing = new ChipReader(command -> hex("6A82"));
        assertEquals(StatusWord.NOT_FOUND,
                assertThrows(ChipAccessException.class, refusing::readContent).statusWord());
        ChipReader badDirectory = new ChipReader(command -> hex("0105" + "9000"));
        assertThrows(ChipAccessException.class, badDirectory::readContent);
        byte[] challenge = hex("0102030405060708");
        ChipReader shortProof = new ChipReader(command -> hex("00000001" + "01" + "9000"));
        assertThrows(ChipAccessException.class, () -> shortProof.proveTicket(challenge, "T-1"));
        ChipReader unknownState = new ChipReader(command -> hex("00000001" + "07" + "00".repeat(48) + "9000"));
        assertThrows(ChipAccessException.class, () -> unknownState.proveTicket(challenge, "T-1"));
    }

    @Test
    void responseMacProvesTheWriteHappened() throws ChipAccessException {
        ChipKeys keys = MASTER.chipKeys(CHIP_A);
        ChipReader reader = new ChipReader(chip(CHIP_A));
        reader.select();
        CommandApdu write = ChipCommands.writeTicket(keys, CHIP_A, 1, ISSUER.issue(ticket(CHIP_A, "T-1")));
        ResponseApdu response = reader.transmit(write);
        assertTrue(ChipCommands.verifyResponse(keys, CHIP_A, write, response));

        byte[] forged = response.data();
        forged[forged.length - 1] ^= 1;
        assertFalse(ChipCommands.verifyResponse(keys, CHIP_A, write, new ResponseApdu(forged, StatusWord.OK)));
        assertFalse(ChipCommands.verifyResponse(keys, CHIP_A, write, new ResponseApdu(response.data(),
                StatusWord.NOT_ENOUGH_MEMORY)));
        assertFalse(ChipCommands.verifyResponse(MASTER.chipKeys(CHIP_B), CHIP_A, write, response));
        CommandApdu other = ChipCommands.nullify(keys, CHIP_A, 1, "T-1");
        assertFalse(ChipCommands.verifyResponse(keys, CHIP_A, other, response), "answer belongs to another command");
    }
}
