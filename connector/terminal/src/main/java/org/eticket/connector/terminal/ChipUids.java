package org.eticket.connector.terminal;

import java.io.IOException;
import java.util.Arrays;
import org.eticket.chip.apdu.ApduTransport;
import org.eticket.chip.apdu.ApduTransportException;
import org.eticket.chip.protocol.ChipAccessException;
import org.eticket.chip.protocol.ChipReader;

/**
 * Reads the UID of the chip in the field: first the PC/SC "GET DATA" pseudo-APDU that
 * contactless readers answer themselves (PC/SC part 3), else the UID in the ticket
 * application's FCI (chip README), which a virtual reader passes to the card.
 */
final class ChipUids {

    private static final byte[] GET_UID = {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00};

    private ChipUids() {
    }

    static byte[] read(ApduTransport transport) throws IOException {
        try {
            byte[] answer = transport.transmit(GET_UID);
            if (answer.length > 2 && answer[answer.length - 2] == (byte) 0x90 && answer[answer.length - 1] == 0) {
                return Arrays.copyOf(answer, answer.length - 2);
            }
            return new ChipReader(transport).select().uid().bytes();
        } catch (ApduTransportException | ChipAccessException e) {
            throw new IOException("cannot read the chip's UID: " + e.getMessage(), e);
        }
    }
}
