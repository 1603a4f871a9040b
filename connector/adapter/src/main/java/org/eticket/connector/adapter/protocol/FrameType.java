package org.eticket.connector.adapter.protocol;

import java.util.Optional;

/** Frame types of protocol version 1. Terminal-to-center codes are below 0x80, answers above. */
public enum FrameType {
    /** Terminal introduces itself; payload: its terminal ID in UTF-8. */
    HELLO(0x01),
    /** Keep-alive from the terminal. */
    PING(0x02),
    /** The center accepted the hello. */
    WELCOME(0x81),
    /** Answer to PING. */
    PONG(0x82),
    /** The center refuses and closes; payload: the reason in UTF-8. */
    ERROR(0xFF);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
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
