package org.eticket.chip.record;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** Field sizes of record format 1, checked alike when a record is built and when it is decoded. */
final class Limits {

    static final int ID_MAX = 32;
    static final int NAME_MAX = 96;
    static final int SHORT_MAX = 24;
    static final int ORDER_CONTENTS_MAX = 256;
    static final int GATE_EVENT_IDS_MAX = 16;
    /** Epoch second of 9999-12-31T23:59:59Z: order times are kept to the second, in four-digit years. */
    static final long LAST_EPOCH_SECOND = 253_402_300_799L;

    private Limits() {
    }

    /** Requires text that round-trips through UTF-8 (no lone surrogates) within min..max bytes. */
    static String text(String value, String field, int min, int max) {
        Objects.requireNonNull(value, field);
        int length;
        try {
            length = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(value)).remaining();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + " is not valid Unicode text");
        }
        if (length < min || length > max) {
            throw new IllegalArgumentException(field + " has " + min + " to " + max + " UTF-8 bytes, not " + length);
        }
        return value;
    }

    static LocalDate date(LocalDate value, String field) {
        Objects.requireNonNull(value, field);
        if (value.getYear() < 1 || value.getYear() > 9999) {
            throw new IllegalArgumentException(field + " year is 1 to 9999");
        }
        return value;
    }

    /** Times on a ticket are to the minute (Fig 46: opening and start time). */
    static LocalTime minutes(LocalTime value, String field) {
        Objects.requireNonNull(value, field);
        if (value.getSecond() != 0 || value.getNano() != 0) {
            throw new IllegalArgumentException(field + " is to the minute");
        }
        return value;
    }

    static Instant seconds(Instant value, String field) {
        Objects.requireNonNull(value, field);
        if (value.getNano() != 0 || value.getEpochSecond() < 0 || value.getEpochSecond() > LAST_EPOCH_SECOND) {
            throw new IllegalArgumentException(field + " is to the second, between 1970 and 9999");
        }
        return value;
    }
}
