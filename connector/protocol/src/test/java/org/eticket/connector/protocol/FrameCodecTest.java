package org.eticket.connector.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec(64);

    @Test
    void roundTripsAHello() throws Exception {
        byte[] wire = codec.encode(Frame.of(FrameType.HELLO, "GATE-01"));
        assertArrayEquals(new byte[] {0, 0, 0, 9, 2, 1, 'G', 'A', 'T', 'E', '-', '0', '1'}, wire);
        ByteArrayInputStream in = new ByteArrayInputStream(wire);
        Frame frame = codec.read(in);
        assertEquals(FrameType.HELLO, frame.type());
        assertEquals("GATE-01", frame.text());
        assertNull(codec.read(in), "a clean end between frames");
    }

    @Test
    void refusesOversizedFramesBeforeReadingThem() {
        byte[] wire = ByteBuffer.allocate(4).putInt(65).array();
        FrameException e = assertThrows(FrameException.class, () -> codec.read(new ByteArrayInputStream(wire)));
        assertEquals("frame of 65 bytes exceeds the limit of 64", e.getMessage());
        assertThrows(FrameException.class, () -> codec.read(new ByteArrayInputStream(new byte[] {(byte) 0xFF, 0, 0, 0})),
                "a length with the top bit set is not negative, it is too large");
    }

    @Test
    void refusesTruncatedUnknownAndShortFrames() {
        byte[] hello = codec.encode(Frame.of(FrameType.HELLO, "K1"));
        for (int cut = 1; cut < hello.length; cut++) {
            byte[] truncated = Arrays.copyOf(hello, cut);
            FrameException e = assertThrows(FrameException.class, () -> codec.read(new ByteArrayInputStream(truncated)));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
        assertEquals("unknown protocol version 3",
                assertThrows(FrameException.class, () -> codec.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 2, 3, 1}))).getMessage());
        assertEquals("APDU_RESPONSE is not part of protocol version 1",
                assertThrows(FrameException.class, () -> codec.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 8, 1, 0x20, 0, 0, 0, 1, (byte) 0x90, 0}))).getMessage());
        assertEquals("unknown frame type 0x7E",
                assertThrows(FrameException.class, () -> codec.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 2, 1, 0x7E}))).getMessage());
        assertEquals("frame length 1 is shorter than its header",
                assertThrows(FrameException.class, () -> codec.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 1}))).getMessage());
    }

    @Test
    void randomBytesNeverEscapeAsUncheckedExceptions() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            ByteArrayInputStream in = new ByteArrayInputStream(noise);
            try {
                while (codec.read(in) != null) {
                    // keep reading until the bytes end or break the protocol
                }
            } catch (FrameException expected) {
                // refused with a reason: fine
            } catch (java.io.IOException e) {
                throw new AssertionError("an in-memory stream cannot fail", e);
            }
        }
    }
}
