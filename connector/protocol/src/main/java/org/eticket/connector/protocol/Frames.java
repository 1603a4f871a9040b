package org.eticket.connector.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the frames of the current protocol version with their payload layouts. */
public final class Frames {

    /** Lamp states of the LAMP command. */
    public enum Lamp { OFF, BLUE, RED }

    private Frames() {
    }

    public static Frame hello(String terminalId) {
        return Frame.of(FrameType.HELLO, terminalId);
    }

    public static Frame welcome(long lastSequence) {
        return Frame.of(FrameType.WELCOME, ByteBuffer.allocate(8).putLong(lastSequence).array());
    }

    public static Frame eventAck(long sequence) {
        return Frame.of(FrameType.EVENT_ACK, ByteBuffer.allocate(8).putLong(sequence).array());
    }

    /** An event frame (CHIP_PRESENTED, CHIP_REMOVED, OPERATOR_INPUT, LOG_BATCH) from its sequence and body. */
    public static Frame event(FrameType type, long sequence, byte[] body) {
        if (!type.isEvent()) {
            throw new IllegalArgumentException(type + " is not an event");
        }
        return Frame.of(type, ByteBuffer.allocate(8 + body.length).putLong(sequence).put(body).array());
    }

    public static Frame operatorInput(long sequence, String text) {
        return event(FrameType.OPERATOR_INPUT, sequence, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] logBatchBody(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(lines.size() >> 8);
        out.write(lines.size());
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            out.write(b.length >> 8);
            out.write(b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    public static Frame logBatch(long sequence, List<String> lines) {
        return event(FrameType.LOG_BATCH, sequence, logBatchBody(lines));
    }

    /** A center request (APDU, LAMP, DISPLAY, AUDIO, OPEN_GATE, PRINT) or a terminal answer with its request ID. */
    public static Frame request(FrameType type, int requestId, byte[] body) {
        return Frame.of(type, ByteBuffer.allocate(4 + body.length).putInt(requestId).put(body).array());
    }

    public static Frame apdu(int requestId, byte[] commandApdu) {
        return request(FrameType.APDU, requestId, commandApdu);
    }

    public static Frame lamp(int requestId, Lamp lamp) {
        return request(FrameType.LAMP, requestId, new byte[] {(byte) lamp.ordinal()});
    }

    public static Frame display(int requestId, String text, boolean large) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        return request(FrameType.DISPLAY, requestId, ByteBuffer.allocate(1 + t.length).put((byte) (large ? 1 : 0)).put(t).array());
    }

    public static Frame audio(int requestId, String message) {
        return request(FrameType.AUDIO, requestId, message.getBytes(StandardCharsets.UTF_8));
    }

    public static Frame openGate(int requestId) {
        return request(FrameType.OPEN_GATE, requestId, new byte[0]);
    }

    public static Frame print(int requestId, String text) {
        return request(FrameType.PRINT, requestId, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Frame apduResponse(int requestId, byte[] responseApdu) {
        return request(FrameType.APDU_RESPONSE, requestId, responseApdu);
    }

    public static Frame done(int requestId) {
        return request(FrameType.COMMAND_DONE, requestId, new byte[0]);
    }

    public static Frame failed(int requestId, String reason) {
        return request(FrameType.COMMAND_FAILED, requestId, reason.getBytes(StandardCharsets.UTF_8));
    }

    public static Frame error(String reason) {
        return Frame.of(FrameType.ERROR, reason);
    }
}
