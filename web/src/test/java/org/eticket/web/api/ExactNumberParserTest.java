package org.eticket.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Yasson gets from the parser for an int or long property: the number exactly, or a refusal naming the field. */
class ExactNumberParserTest {

    private static final JsonProvider PROVIDER = new ExactNumberProvider(JsonProvider.provider());

    /** The parser placed on the value of the first property called {@code name}. */
    private static JsonParser at(String json, String name) {
        JsonParser parser = PROVIDER.createParser(new StringReader(json));
        while (parser.hasNext()) {
            if (parser.next() == Event.KEY_NAME && parser.getString().equals(name)) {
                parser.next();
                return parser;
            }
        }
        throw new AssertionError(name + " not in " + json);
    }

    private static String refusal(Runnable read) {
        return assertThrows(ExactNumberParser.NumberOutOfRangeException.class, read::run).getMessage();
    }

    @Test
    void numbersThatFitAreReadAsBefore() {
        assertEquals(4, at("{\"quantity\":4}", "quantity").getInt());
        assertEquals(Integer.MAX_VALUE, at("{\"q\":2147483647}", "q").getInt());
        assertEquals(Integer.MIN_VALUE, at("{\"q\":-2147483648}", "q").getInt());
        assertEquals(Long.MAX_VALUE, at("{\"amount\":9223372036854775807}", "amount").getLong());
        assertEquals(Long.MIN_VALUE, at("{\"amount\":-9223372036854775808}", "amount").getLong());
        assertEquals(1, at("{\"amount\":1.0}", "amount").getLong(), "a whole number written with a fraction of 0");
        assertEquals(2000, at("{\"quantity\":2e3}", "quantity").getInt());
        assertEquals(0, at("{\"quantity\":-0}", "quantity").getInt());
    }

    @Test
    void anIntOutOfRangeIsRefusedNamingTheField() {
        assertEquals("quantity must be a whole number from -2147483648 to 2147483647, was 4294967298",
                refusal(() -> at("{\"performanceId\":7,\"quantity\":4294967298}", "quantity").getInt()));
        assertEquals("holdSeconds must be a whole number from -2147483648 to 2147483647, was -2147483649",
                refusal(() -> at("{\"holdSeconds\":-2147483649}", "holdSeconds").getInt()));
        assertEquals("quantity must be a whole number from -2147483648 to 2147483647, was 1e400",
                refusal(() -> at("{\"quantity\":1e400}", "quantity").getInt()));
    }

    @Test
    void aLongOutOfRangeOrAFractionIsRefused() {
        assertEquals("amount must be a whole number from -9223372036854775808 to 9223372036854775807, was 9223372036854775808",
                refusal(() -> at("{\"amount\":9223372036854775808}", "amount").getLong()));
        assertEquals("amount must be a whole number from -9223372036854775808 to 9223372036854775807, was 1.5",
                refusal(() -> at("{\"amount\":1.5}", "amount").getLong()));
        assertEquals("quantity must be a whole number from -2147483648 to 2147483647, was 0.5",
                refusal(() -> at("{\"quantity\":0.5}", "quantity").getInt()));
    }

    @Test
    void aNestedFieldIsNamedByItsOwnName() {
        assertEquals("expiryMonth must be a whole number from -2147483648 to 2147483647, was 4294967308",
                refusal(() -> at("{\"quantity\":1,\"payment\":{\"method\":\"CARD\",\"expiryMonth\":4294967308}}", "expiryMonth")
                        .getInt()));
    }

    @Test
    void aNumberWithoutAFieldIsRefusedAsANumberOfTheBody() {
        JsonParser parser = PROVIDER.createParser(new StringReader("[{\"a\":1},4294967298]"));
        Event event;
        do {
            event = parser.next();
        } while (event != Event.END_OBJECT);
        parser.next();
        assertEquals("a number in the body must be a whole number from -2147483648 to 2147483647, was 4294967298",
                refusal(parser::getInt));
    }

    @Test
    void aLongNumberIsShortenedInTheMessage() {
        String message = refusal(() -> at("{\"id\":" + "9".repeat(200) + "}", "id").getLong());
        assertEquals("id must be a whole number from -9223372036854775808 to 9223372036854775807, was "
                + "9".repeat(37) + "...", message);
    }

    @Test
    void everyParserOfTheProviderReadsExactly() {
        String json = "{\"quantity\":4294967298}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(ExactNumberParser.class, PROVIDER.createParser(new ByteArrayInputStream(bytes)));
        var factory = PROVIDER.createParserFactory(Map.of());
        assertInstanceOf(ExactNumberParser.class, factory.createParser(new StringReader(json)));
        assertInstanceOf(ExactNumberParser.class, factory.createParser(new ByteArrayInputStream(bytes)));
        assertInstanceOf(ExactNumberParser.class, factory.createParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        JsonParser parser = factory.createParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        parser.next();
        parser.next();
        parser.next();
        assertThrows(ExactNumberParser.NumberOutOfRangeException.class, parser::getInt);
    }
}
