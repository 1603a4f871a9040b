package org.eticket.connector.protocol;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Reads and writes {@link Frame}s; every malformed input becomes a {@link FrameException}. */
public final class FrameCodec {

    /** version + type */
    private static final int HEADER = 2;

    private final int maxFrameBytes;

    public FrameCodec(int maxFrameBytes) {
        if (maxFrameBytes < HEADER) {
            throw new IllegalArgumentException("maxFrameBytes must be at least " + HEADER);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Reads one frame; returns null on a clean end of stream between frames.
     *
     * @throws FrameException for a truncated, oversized, unknown-version or unknown-type frame
     */
    public Frame read(InputStream in) throws IOException, FrameException {
        DataInputStream data = new DataInputStream(in);
        int first = data.read();
        if (first < 0) {
            return null;
        }
        byte[] rest = new byte[3];
        readFully(data, rest, "length");
        long length = ((long) first << 24) | ((rest[0] & 0xFFL) << 16) | ((rest[1] & 0xFFL) << 8) | (rest[2] & 0xFFL);
        if (length < HEADER) {
            throw new FrameException("frame length " + length + " is shorter than its header");
        }
        if (length > maxFrameBytes) {
            throw new FrameException("frame of " + length + " bytes exceeds the limit of " + maxFrameBytes);
        }
        byte[] body = new byte[(int) length];
        readFully(data, body, "frame body");
        int version = body[0] & 0xFF;
        if (version < Frame.MIN_VERSION || version > Frame.VERSION) {
            throw new FrameException("unknown protocol version " + version);
        }
        int code = body[1] & 0xFF;
        FrameType type = FrameType.of(code)
                .orElseThrow(() -> new FrameException(String.format("unknown frame type 0x%02X", code)));
        if (type.since() > version) {
            throw new FrameException(type + " is not part of protocol version " + version);
        }
        byte[] payload = new byte[body.length - HEADER];
        System.arraycopy(body, HEADER, payload, 0, payload.length);
        Frame frame = new Frame(version, type, payload);
        FrameLayout.check(frame);
        return frame;
    }

    public byte[] encode(Frame frame) {
        byte[] payload = frame.rawPayload();
        int length = HEADER + payload.length;
        if (length > maxFrameBytes) {
            throw new IllegalArgumentException("frame of " + length + " bytes exceeds the limit of " + maxFrameBytes);
        }
        return ByteBuffer.allocate(4 + length)
                .putInt(length)
                .put((byte) frame.version())
                .put((byte) frame.type().code())
                .put(payload)
                .array();
    }

    public void write(OutputStream out, Frame frame) throws IOException {
        out.write(encode(frame));
        out.flush();
    }

    private static void readFully(DataInputStream in, byte[] buffer, String what) throws IOException, FrameException {
        try {
            in.readFully(buffer);
        } catch (EOFException e) {
            throw new FrameException("connection ended inside the " + what + " (truncated frame)");
        }
    }
}
