package org.eticket.connector.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload layout of every frame type (connector/README.md). The codec checks it on
 * every frame it reads, so a session only ever sees well-formed payloads; the accessors
 * here then read the fields.
 */
public final class FrameLayout {

    public static final int MAX_UID_BYTES = 16;
    public static final int MAX_TEXT_BYTES = 4096;
    public static final int MAX_LOG_LINES = 1000;
    /** A command APDU is at least CLA INS P1 P2. */
    public static final int MIN_COMMAND_APDU = 4;
    /** A response APDU is at least SW1 SW2. */
    public static final int MIN_RESPONSE_APDU = 2;

    private FrameLayout() {
    }

    /** Refuses a payload that does not fit its frame type. */
    public static void check(Frame frame) throws FrameException {
        byte[] p = frame.rawPayload();
        FrameType type = frame.type();
        switch (type) {
            case HELLO -> {
                if (p.length < 1 || p.length > 64) {
                    throw malformed(type, "terminal ID of " + p.length + " bytes");
                }
                text(type, p, 0);
            }
            case PING, PONG -> empty(type, p);
            case WELCOME -> {
                if (frame.version() >= 2 && p.length != 8 || frame.version() < 2 && p.length != 0) {
                    throw malformed(type, p.length + " bytes");
                }
            }
            case EVENT_ACK -> exactly(type, p, 8);
            case CHIP_PRESENTED, CHIP_REMOVED -> {
                atLeast(type, p, 9);
                if (p.length - 8 > MAX_UID_BYTES) {
                    throw malformed(type, "chip UID of " + (p.length - 8) + " bytes");
                }
            }
            case OPERATOR_INPUT -> {
                atLeast(type, p, 8);
                textField(type, p, 8);
            }
            case LOG_BATCH -> {
                atLeast(type, p, 10);
                logLines(type, p);
            }
            case APDU -> atLeast(type, p, 4 + MIN_COMMAND_APDU);
            case APDU_RESPONSE -> atLeast(type, p, 4 + MIN_RESPONSE_APDU);
            case COMMAND_DONE, OPEN_GATE -> exactly(type, p, 4);
            case COMMAND_FAILED, AUDIO, PRINT -> {
                atLeast(type, p, 4);
                textField(type, p, 4);
            }
            case LAMP -> {
                exactly(type, p, 5);
                if (p[4] < 0 || p[4] > 2) {
                    throw malformed(type, "lamp state " + p[4]);
                }
            }
            case DISPLAY -> {
                atLeast(type, p, 5);
                if (p[4] != 0 && p[4] != 1) {
                    throw malformed(type, "letter size " + p[4]);
                }
                textField(type, p, 5);
            }
            case ERROR -> text(type, p, 0);
            default -> throw new IllegalStateException("no layout for " + type);
        }
    }

    /** The event sequence number of an event frame, the last sequence of a WELCOME, or the acknowledged one of an EVENT_ACK. */
    public static long sequence(Frame frame) {
        byte[] p = frame.rawPayload();
        return p.length < 8 ? 0 : ByteBuffer.wrap(p, 0, 8).getLong();
    }

    /** The request ID of a request or its answer. */
    public static int requestId(Frame frame) {
        return ByteBuffer.wrap(frame.rawPayload(), 0, 4).getInt();
    }

    /** The bytes after the sequence number (events) or the request ID (requests, answers). */
    public static byte[] body(Frame frame) {
        byte[] p = frame.rawPayload();
        int skip = frame.type().isEvent() ? 8 : 4;
        byte[] body = new byte[Math.max(0, p.length - skip)];
        System.arraycopy(p, Math.min(skip, p.length), body, 0, body.length);
        return body;
    }

    /** The text after the header of OPERATOR_INPUT, COMMAND_FAILED, AUDIO, PRINT and DISPLAY. */
    public static String text(Frame frame) {
        int skip = switch (frame.type()) {
            case OPERATOR_INPUT -> 8;
            case DISPLAY -> 5;
            case COMMAND_FAILED, AUDIO, PRINT -> 4;
            default -> 0;
        };
        byte[] p = frame.rawPayload();
        return new String(p, skip, p.length - skip, StandardCharsets.UTF_8);
    }

    /** The lines of a LOG_BATCH. */
    public static List<String> logLines(Frame frame) {
        try {
            return logLines(frame.type(), frame.rawPayload());
        } catch (FrameException e) {
            throw new IllegalStateException("a checked LOG_BATCH frame: " + e.getMessage(), e);
        }
    }

    private static List<String> logLines(FrameType type, byte[] p) throws FrameException {
        ByteBuffer in = ByteBuffer.wrap(p, 8, p.length - 8);
        int count = in.getShort() & 0xFFFF;
        if (count > MAX_LOG_LINES) {
            throw malformed(type, count + " lines, more than " + MAX_LOG_LINES);
        }
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 2) {
                throw malformed(type, "line " + i + " has no length");
            }
            int length = in.getShort() & 0xFFFF;
            if (length > in.remaining() || length > MAX_TEXT_BYTES) {
                throw malformed(type, "line " + i + " of " + length + " bytes");
            }
            byte[] line = new byte[length];
            in.get(line);
            lines.add(text(type, line, 0));
        }
        if (in.hasRemaining()) {
            throw malformed(type, in.remaining() + " bytes after the last line");
        }
        return lines;
    }

    private static void textField(FrameType type, byte[] p, int from) throws FrameException {
        if (p.length - from > MAX_TEXT_BYTES) {
            throw malformed(type, "text of " + (p.length - from) + " bytes");
        }
        text(type, p, from);
    }

    private static String text(FrameType type, byte[] p, int from) throws FrameException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(p, from, p.length - from)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(type, "text is not UTF-8");
        }
    }

    private static void empty(FrameType type, byte[] p) throws FrameException {
        exactly(type, p, 0);
    }

    private static void exactly(FrameType type, byte[] p, int n) throws FrameException {
        if (p.length != n) {
            throw malformed(type, p.length + " bytes, expected " + n);
        }
    }

    private static void atLeast(FrameType type, byte[] p, int n) throws FrameException {
        if (p.length < n) {
            throw malformed(type, p.length + " bytes, expected at least " + n);
        }
    }

    private static FrameException malformed(FrameType type, String what) {
        return new FrameException("malformed " + type + " frame: " + what);
    }
}
