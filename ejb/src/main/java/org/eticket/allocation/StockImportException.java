package org.eticket.allocation;

import java.util.List;
import org.eticket.platform.ValidationException;

/**
 * A stock file was refused: every line in error, with its line number, so the seller can fix
 * the file in one go. Nothing of the file was imported (answered 400).
 */
public class StockImportException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /** Shown in the message; {@link #errors()} has them all. */
    private static final int MAX_IN_MESSAGE = 20;

    /** One refused line; line 0 is the file as a whole. */
    public record LineError(int line, String message) {
        @Override
        public String toString() {
            return line == 0 ? message : "line " + line + ": " + message;
        }
    }

    private final transient List<LineError> errors;

    public StockImportException(List<LineError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }

    private static String message(List<LineError> errors) {
        StringBuilder sb = new StringBuilder("the stock file was not imported (" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "): ");
        for (int i = 0; i < Math.min(errors.size(), MAX_IN_MESSAGE); i++) {
            sb.append(i == 0 ? "" : "; ").append(errors.get(i));
        }
        if (errors.size() > MAX_IN_MESSAGE) {
            sb.append("; and ").append(errors.size() - MAX_IN_MESSAGE).append(" more");
        }
        return sb.toString();
    }
}
