package org.eticket.allocation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eticket.catalog.grid.Cell;
import org.eticket.catalog.grid.GridException;

/**
 * The seller's stock format (C7, Figs 34-35), as CSV and as JSON, both ways. Reading checks the
 * shape of every line and reports every bad line with its number; whether a line is really the
 * seller's stock is the service's business.
 * <p>
 * CSV: a header {@code event,performance,seat,seat_type,price,currency} (columns in any order),
 * then one seat per line; fields with a comma or quote are quoted, quotes doubled (RFC 4180,
 * without line breaks inside fields). JSON: {@code {"seller": "PLAZA", "stock": [{"event": ...,
 * "performance": ..., "seat": ..., "seatType": ..., "price": 12000, "currency": "JPY"}]}}; a bare
 * array of such objects is read too.
 */
public final class StockCodec {

    public static final List<String> CSV_HEADER = List.of("event", "performance", "seat", "seat_type", "price", "currency");
    /** Most lines one file may carry (the largest stadium, with room). */
    public static final int MAX_LINES = 200_000;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** Json.createObjectBuilder() looks the provider up on every call: 50,000 seats took 9 s that way. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** A line read from a file, with its line number for messages. */
    public record Parsed(int line, StockLine stock) {
    }

    private StockCodec() {
    }

    // ---- write -------------------------------------------------------------------------

    public static String toCsv(List<StockLine> lines) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
        for (StockLine l : lines) {
            sb.append(csvField(l.event())).append(',').append(csvField(l.performance())).append(',')
                    .append(csvField(l.seat())).append(',').append(csvField(l.seatType())).append(',')
                    .append(l.price()).append(',').append(csvField(l.currency())).append("\r\n");
        }
        return sb.toString();
    }

    public static String toJson(String sellerCode, List<StockLine> lines) {
        JsonArrayBuilder stock = JSON.createArrayBuilder();
        for (StockLine l : lines) {
            var o = JSON.createObjectBuilder().add("event", l.event()).add("performance", l.performance()).add("seat", l.seat());
            if (l.seatType() == null) {
                o.addNull("seatType");
            } else {
                o.add("seatType", l.seatType());
            }
            o.add("price", l.price());
            if (l.currency() == null) {
                o.addNull("currency");
            } else {
                o.add("currency", l.currency());
            }
            stock.add(o);
        }
        var root = JSON.createObjectBuilder();
        if (sellerCode != null) {
            root.add("seller", sellerCode);
        }
        return root.add("stock", stock).build().toString();
    }

    // ---- read --------------------------------------------------------------------------

    /** Reads a CSV stock file, or throws {@link StockImportException} listing every bad line. */
    public static List<Parsed> parseCsv(String text) {
        List<StockImportException.LineError> errors = new ArrayList<>();
        List<Parsed> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new StockImportException(List.of(new StockImportException.LineError(0, "the file is empty")));
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (lines.length > MAX_LINES + 1) {
            throw new StockImportException(List.of(new StockImportException.LineError(0,
                    "the file has " + lines.length + " lines, at most " + MAX_LINES + " seats can be imported at once")));
        }
        int[] columns = null;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = csvFields(line);
            } catch (IllegalArgumentException e) {
                errors.add(new StockImportException.LineError(number, e.getMessage()));
                continue;
            }
            if (columns == null) {
                columns = header(fields, number, errors);
                if (columns == null) {
                    break;
                }
                continue;
            }
            if (fields.size() != CSV_HEADER.size()) {
                errors.add(new StockImportException.LineError(number, "expected " + CSV_HEADER.size() + " fields ("
                        + String.join(",", CSV_HEADER) + "), found " + fields.size()));
                continue;
            }
            String[] v = new String[CSV_HEADER.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = fields.get(columns[c]);
            }
            read(number, v[0], v[1], v[2], v[3], v[4], v[5], errors).ifPresent(s -> out.add(new Parsed(number, s)));
        }
        if (columns != null && out.isEmpty() && errors.isEmpty()) {
            errors.add(new StockImportException.LineError(0, "the file has a header but no seats"));
        }
        if (!errors.isEmpty()) {
            throw new StockImportException(errors);
        }
        return out;
    }

    /** Reads a JSON stock file, or throws {@link StockImportException} listing every bad item with its line. */
    public static List<Parsed> parseJson(String text) {
        if (text == null || text.isBlank()) {
            throw new StockImportException(List.of(new StockImportException.LineError(0, "the file is empty")));
        }
        List<StockImportException.LineError> errors = new ArrayList<>();
        List<Parsed> out = new ArrayList<>();
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new StockImportException(List.of(new StockImportException.LineError(0, "the file is empty")));
            }
            JsonParser.Event first = parser.next();
            if (first == JsonParser.Event.START_OBJECT) {
                // {"seller": ..., "stock": [ ... ]}: find the stock array
                boolean found = false;
                while (parser.hasNext()) {
                    JsonParser.Event e = parser.next();
                    if (e == JsonParser.Event.KEY_NAME && parser.getString().equals("stock")) {
                        if (parser.next() != JsonParser.Event.START_ARRAY) {
                            throw line(parser, "\"stock\" must be an array of seats");
                        }
                        readItems(parser, out, errors);
                        found = true;
                    } else if (e == JsonParser.Event.START_OBJECT) {
                        parser.skipObject();
                    } else if (e == JsonParser.Event.START_ARRAY) {
                        parser.skipArray();
                    } else if (e == JsonParser.Event.END_OBJECT) {
                        break;
                    }
                }
                if (!found) {
                    throw new StockImportException(List.of(new StockImportException.LineError(0,
                            "the JSON object has no \"stock\" array")));
                }
            } else if (first == JsonParser.Event.START_ARRAY) {
                readItems(parser, out, errors);
            } else {
                throw line(parser, "expected an object with a \"stock\" array, or an array of seats");
            }
        } catch (JsonParsingException e) {
            long lineNo = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new StockImportException(List.of(new StockImportException.LineError((int) Math.max(0, lineNo),
                    "not valid JSON: " + e.getMessage())));
        } catch (JsonException e) {
            throw new StockImportException(List.of(new StockImportException.LineError(0, "not valid JSON: " + e.getMessage())));
        }
        if (out.isEmpty() && errors.isEmpty()) {
            errors.add(new StockImportException.LineError(0, "the file lists no seats"));
        }
        if (!errors.isEmpty()) {
            throw new StockImportException(errors);
        }
        return out;
    }

    private static void readItems(JsonParser parser, List<Parsed> out, List<StockImportException.LineError> errors) {
        while (parser.hasNext()) {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.END_ARRAY) {
                return;
            }
            int number = (int) parser.getLocation().getLineNumber();
            if (e != JsonParser.Event.START_OBJECT) {
                errors.add(new StockImportException.LineError(number, "each seat must be an object"));
                if (e == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                }
                continue;
            }
            if (out.size() + errors.size() >= MAX_LINES) {
                throw new StockImportException(List.of(new StockImportException.LineError(number,
                        "at most " + MAX_LINES + " seats can be imported at once")));
            }
            JsonObject o = parser.getObject();
            read(number, text(o, "event"), text(o, "performance"), text(o, "seat"), text(o, "seatType"),
                    text(o, "price"), text(o, "currency"), errors).ifPresent(s -> out.add(new Parsed(number, s)));
        }
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v.toString();
    }

    private static StockImportException line(JsonParser parser, String message) {
        return new StockImportException(List.of(new StockImportException.LineError(
                (int) parser.getLocation().getLineNumber(), message)));
    }

    /** Checks one seat's fields; adds one error naming every bad field of the line. */
    private static java.util.Optional<StockLine> read(int number, String event, String performance, String seat, String seatType,
                                                      String price, String currency,
                                                      List<StockImportException.LineError> errors) {
        List<String> problems = new ArrayList<>();
        String ev = event == null ? "" : event.strip();
        if (ev.isEmpty()) {
            problems.add("event is missing");
        }
        String perf = performance == null ? "" : performance.strip();
        if (perf.isEmpty()) {
            problems.add("performance is missing");
        } else {
            try {
                perf = LocalDateTime.parse(perf).toString();
            } catch (DateTimeParseException e) {
                problems.add("performance \"" + shorten(perf) + "\" is not a date and start time such as 2026-12-19T18:00");
            }
        }
        String cell = null;
        if (seat == null || seat.isBlank()) {
            problems.add("seat is missing");
        } else {
            try {
                cell = Cell.parse(seat).label();
            } catch (GridException e) {
                problems.add(e.getMessage());
            }
        }
        String type = seatType == null || seatType.isBlank() ? null : seatType.strip().toUpperCase(Locale.ROOT);
        long amount = 0;
        if (price == null || price.isBlank()) {
            problems.add("price is missing");
        } else {
            try {
                amount = Long.parseLong(price.strip());
                if (amount < 0) {
                    problems.add("price " + amount + " is negative");
                }
            } catch (NumberFormatException e) {
                problems.add("price \"" + shorten(price) + "\" is not a whole number of minor units");
            }
        }
        String cur = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (cur != null && !CURRENCY.matcher(cur).matches()) {
            problems.add("currency \"" + shorten(currency) + "\" is not a three-letter code");
        }
        if (!problems.isEmpty()) {
            errors.add(new StockImportException.LineError(number, String.join(", ", problems)));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new StockLine(ev, perf, cell, type, amount, cur));
    }

    private static int[] header(List<String> fields, int number, List<StockImportException.LineError> errors) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("seattype", "seat_type"), i);
        }
        int[] columns = new int[CSV_HEADER.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < CSV_HEADER.size(); c++) {
            Integer at = index.get(CSV_HEADER.get(c));
            if (at == null) {
                missing.add(CSV_HEADER.get(c));
            } else {
                columns[c] = at;
            }
        }
        if (!missing.isEmpty() || fields.size() != CSV_HEADER.size()) {
            errors.add(new StockImportException.LineError(number, "the header must name the columns "
                    + String.join(",", CSV_HEADER) + (missing.isEmpty() ? "" : "; missing: " + String.join(",", missing))));
            return null;
        }
        return columns;
    }

    /** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '"') {
                if (field.toString().isBlank() && !wasQuoted) {
                    field.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                } else {
                    throw new IllegalArgumentException("a quote inside an unquoted field at column " + (i + 1));
                }
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String csvField(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
