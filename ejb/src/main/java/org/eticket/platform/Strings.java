package org.eticket.platform;

import java.util.regex.Pattern;

/** Field checks shared by the masters, each failing with a message that names the field. */
public final class Strings {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Strings() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new ValidationException(field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(field, value, maxLength);
    }

    /** Codes are upper-case letters, digits, '-' and '_', up to 32 characters; lower case is folded. */
    public static String code(String field, String value) {
        String code = required(field, value, 32).toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new ValidationException(field + " \"" + value + "\" may hold only letters, digits, '-' and '_'");
        }
        return code;
    }

    public static String colour(String field, String value) {
        String colour = required(field, value, 7);
        if (!COLOUR.matcher(colour).matches()) {
            throw new ValidationException(field + " \"" + value + "\" is not a colour like #1f77b4");
        }
        return colour.toLowerCase(java.util.Locale.ROOT);
    }

    public static String email(String field, String value) {
        String email = required(field, value, 254);
        if (!EMAIL.matcher(email).matches()) {
            throw new ValidationException(field + " \"" + value + "\" is not an e-mail address");
        }
        return email;
    }

    public static int positive(String field, Integer value, int max) {
        if (value == null) {
            throw new ValidationException(field + " is required");
        }
        if (value < 1 || value > max) {
            throw new ValidationException(field + " must be between 1 and " + max + ", was " + value);
        }
        return value;
    }

    /** For searches: a LIKE pattern matching the text anywhere, case-insensitive; null matches all. */
    public static String like(String text) {
        if (text == null || text.isBlank()) {
            return "%";
        }
        String escaped = text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
