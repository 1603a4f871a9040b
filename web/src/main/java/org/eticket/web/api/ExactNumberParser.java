package org.eticket.web.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JSON-P parser whose {@link #getInt()} and {@link #getLong()} give a number only when it fits
 * exactly. Yasson reads int, Integer, long and Long properties with them, and Parsson narrows
 * silently: 4294967298 became 2, 1.5 became 1, a quantity or an amount the caller never sent.
 * (short and byte Yasson parses from the number's text, which refuses already.) The last property
 * name read is kept so that the refusal can name the field.
 */
final class ExactNumberParser implements JsonParser {

    private static final int MAX_SHOWN = 40;

    private final JsonParser parser;
    private String property;

    ExactNumberParser(JsonParser parser) {
        this.parser = parser;
    }

    @Override
    public Event next() {
        Event event = parser.next();
        if (event == Event.KEY_NAME) {
            property = parser.getString();
        } else if (event == Event.END_OBJECT) {
            property = null; // a number after an object in an array is not that object's last property
        }
        return event;
    }

    @Override
    public int getInt() {
        try {
            return parser.getBigDecimal().intValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    @Override
    public long getLong() {
        try {
            return parser.getBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    private NumberOutOfRangeException outOfRange(long min, long max) {
        String text = parser.getString();
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 3) + "..." : text;
        String field = property == null ? "a number in the body" : property;
        return new NumberOutOfRangeException(field + " must be a whole number from " + min + " to " + max + ", was " + shown);
    }

    /** A body number its Java field cannot hold exactly: the message names the field and the value. */
    static final class NumberOutOfRangeException extends JsonbException {

        private static final long serialVersionUID = 1L;

        NumberOutOfRangeException(String message) {
            super(message);
        }
    }

    // Everything else as the platform's parser does it.

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event currentEvent() {
        return parser.currentEvent();
    }

    @Override
    public String getString() {
        return parser.getString();
    }

    @Override
    public boolean isIntegralNumber() {
        return parser.isIntegralNumber();
    }

    @Override
    public BigDecimal getBigDecimal() {
        return parser.getBigDecimal();
    }

    @Override
    public JsonLocation getLocation() {
        return parser.getLocation();
    }

    @Override
    public JsonObject getObject() {
        return parser.getObject();
    }

    @Override
    public JsonValue getValue() {
        return parser.getValue();
    }

    @Override
    public JsonArray getArray() {
        return parser.getArray();
    }

    @Override
    public Stream<JsonValue> getArrayStream() {
        return parser.getArrayStream();
    }

    @Override
    public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
        return parser.getObjectStream();
    }

    @Override
    public Stream<JsonValue> getValueStream() {
        return parser.getValueStream();
    }

    @Override
    public void skipArray() {
        parser.skipArray();
    }

    @Override
    public void skipObject() {
        parser.skipObject();
    }

    @Override
    public void close() {
        parser.close();
    }
}
