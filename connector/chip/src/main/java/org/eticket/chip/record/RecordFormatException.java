package org.eticket.chip.record;

/** Bytes that are no well-formed ticket record of a known version; decoding says why. */
public class RecordFormatException extends Exception {

    public enum Reason {
        TRUNCATED,
        TOO_LARGE,
        UNSUPPORTED_VERSION,
        UNEXPECTED_TAG,
        BAD_LENGTH,
        BAD_VALUE,
        TRAILING_BYTES
    }

    private final Reason reason;

    public RecordFormatException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
