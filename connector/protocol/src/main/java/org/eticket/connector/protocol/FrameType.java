package org.eticket.connector.protocol;

import java.util.Optional;

/**
 * Frame types. Terminal-to-center codes are below 0x80, center-to-terminal codes above.
 * Each type exists from a protocol version on: a version-1 terminal knows only HELLO,
 * PING and their answers.
 */
public enum FrameType {
    /** Terminal introduces itself; payload: its terminal ID in UTF-8 (must be its certificate's CN). */
    HELLO(0x01, 1, Direction.TO_CENTER),
    /** Keep-alive from the terminal. */
    PING(0x02, 1, Direction.TO_CENTER),
    /** A chip came into the reader's field; payload: u64 sequence | chip UID (1-16 bytes). */
    CHIP_PRESENTED(0x10, 2, Direction.TO_CENTER),
    /** The chip left the field; payload: u64 sequence | chip UID (1-16 bytes). */
    CHIP_REMOVED(0x11, 2, Direction.TO_CENTER),
    /** Operator or customer input at the terminal; payload: u64 sequence | UTF-8 text. */
    OPERATOR_INPUT(0x12, 2, Direction.TO_CENTER),
    /** Buffered terminal log lines; payload: u64 sequence | u16 count | count x (u16 length | UTF-8). */
    LOG_BATCH(0x13, 2, Direction.TO_CENTER),
    /** Answer to APDU; payload: u32 request ID | response APDU (data | SW1 SW2). */
    APDU_RESPONSE(0x20, 2, Direction.TO_CENTER),
    /** A command was carried out; payload: u32 request ID. */
    COMMAND_DONE(0x21, 2, Direction.TO_CENTER),
    /** A command or APDU could not be carried out; payload: u32 request ID | reason in UTF-8. */
    COMMAND_FAILED(0x22, 2, Direction.TO_CENTER),

    /** The center accepted the hello; payload (version 2): u64 last event sequence the center holds. */
    WELCOME(0x81, 1, Direction.TO_TERMINAL),
    /** Answer to PING. */
    PONG(0x82, 1, Direction.TO_TERMINAL),
    /** Every event up to this sequence is delivered; payload: u64 sequence. */
    EVENT_ACK(0x90, 2, Direction.TO_TERMINAL),
    /** An ISO 7816-4 command APDU for the chip in the reader; payload: u32 request ID | command APDU. */
    APDU(0xA0, 2, Direction.TO_TERMINAL),
    /** Lamp; payload: u32 request ID | u8 0 off, 1 blue, 2 red. */
    LAMP(0xA1, 2, Direction.TO_TERMINAL),
    /** Text on the display; payload: u32 request ID | u8 0 normal, 1 large | UTF-8 text. */
    DISPLAY(0xA2, 2, Direction.TO_TERMINAL),
    /** Play an audio message; payload: u32 request ID | message name in UTF-8. */
    AUDIO(0xA3, 2, Direction.TO_TERMINAL),
    /** Open the flap gate for one passage; payload: u32 request ID. */
    OPEN_GATE(0xA4, 2, Direction.TO_TERMINAL),
    /** Print; payload: u32 request ID | UTF-8 text. */
    PRINT(0xA5, 2, Direction.TO_TERMINAL),
    /** The center refuses and closes; payload: the reason in UTF-8. */
    ERROR(0xFF, 1, Direction.TO_TERMINAL);

    /** Who sends a frame type. */
    public enum Direction { TO_CENTER, TO_TERMINAL }

    private final int code;
    private final int since;
    private final Direction direction;

    FrameType(int code, int since, Direction direction) {
        this.code = code;
        this.since = since;
        this.direction = direction;
    }

    public int code() {
        return code;
    }

    /** The first protocol version that has this frame type. */
    public int since() {
        return since;
    }

    public Direction direction() {
        return direction;
    }

    /** True for the four events the terminal numbers and buffers until acknowledged. */
    public boolean isEvent() {
        return this == CHIP_PRESENTED || this == CHIP_REMOVED || this == OPERATOR_INPUT || this == LOG_BATCH;
    }

    /** True for the center's requests that carry a request ID and get an answer. */
    public boolean isRequest() {
        return code >= 0xA0 && code <= 0xA5;
    }

    public static Optional<FrameType> of(int code) {
        for (FrameType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
