package org.eticket.connector.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {

    private final FrameCodec codec = new FrameCodec(65536);

    private Frame roundTrip(Frame frame) throws Exception {
        return codec.read(new ByteArrayInputStream(codec.encode(frame)));
    }

    @Test
    void eventsCarryTheirSequenceAndBody() throws Exception {
        byte[] uid = HexFormat.of().parseHex("04A1B2C3D4E5F6");
        Frame presented = roundTrip(Frames.event(FrameType.CHIP_PRESENTED, 42, uid));
        assertEquals(42, FrameLayout.sequence(presented));
        assertArrayEquals(uid, FrameLayout.body(presented));

        Frame input = roundTrip(Frames.operatorInput(7, "seat 12, größer"));
        assertEquals("seat 12, größer", FrameLayout.text(input));

        Frame batch = roundTrip(Frames.logBatch(9, List.of("gate opened", "", "chip refused: 6982")));
        assertEquals(9, FrameLayout.sequence(batch));
        assertEquals(List.of("gate opened", "", "chip refused: 6982"), FrameLayout.logLines(batch));
    }

    @Test
    void requestsAndAnswersCarryTheirRequestId() throws Exception {
        Frame apdu = roundTrip(Frames.apdu(77, HexFormat.of().parseHex("00A4040008F0455449434B4554")));
        assertEquals(77, FrameLayout.requestId(apdu));
        assertEquals("00a4040008f0455449434b4554", HexFormat.of().formatHex(FrameLayout.body(apdu)));
        Frame display = roundTrip(Frames.display(3, "Please bring your card close", true));
        assertEquals(1, FrameLayout.body(display)[0]);
        assertEquals("Please bring your card close", FrameLayout.text(display));
        assertEquals(2, FrameLayout.body(roundTrip(Frames.lamp(4, Frames.Lamp.RED)))[0]);
        assertEquals("paper jam", FrameLayout.text(roundTrip(Frames.failed(5, "paper jam"))));
        assertEquals(5, FrameLayout.requestId(roundTrip(Frames.done(5))));
        assertEquals(123456789L, FrameLayout.sequence(roundTrip(Frames.welcome(123456789L))));
    }

    @Test
    void refusesPayloadsThatDoNotFitTheirType() {
        assertMalformed(Frame.of(FrameType.LAMP, new byte[] {0, 0, 0, 1, 3}), "lamp state 3");
        assertMalformed(Frame.of(FrameType.APDU, new byte[] {0, 0, 0, 1, 0, (byte) 0xA4}), "at least 8");
        assertMalformed(Frame.of(FrameType.APDU_RESPONSE, new byte[] {0, 0, 0, 1, (byte) 0x90}), "at least 6");
        assertMalformed(Frames.event(FrameType.CHIP_PRESENTED, 1, new byte[17]), "chip UID of 17 bytes");
        assertMalformed(Frames.event(FrameType.CHIP_REMOVED, 1, new byte[0]), "at least 9");
        assertMalformed(Frames.event(FrameType.OPERATOR_INPUT, 1, new byte[] {(byte) 0xC3}), "not UTF-8");
        byte[] batch = Frames.logBatchBody(List.of("a", "b"));
        batch[1] = 3;
        assertMalformed(Frames.event(FrameType.LOG_BATCH, 1, batch), "line 2 has no length");
        assertMalformed(Frame.of(FrameType.PING, new byte[1]), "PING");
        assertMalformed(new Frame(1, FrameType.WELCOME, new byte[8]), "WELCOME");
    }

    private void assertMalformed(Frame frame, String expected) {
        FrameException e = assertThrows(FrameException.class, () -> roundTrip(frame));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed " + frame.type()), e.getMessage());
    }
}
