package org.eticket.web.api;

import java.util.List;
import org.eticket.allocation.StockImportException.LineError;

/** A refused stock file: the usual error fields and every bad line with its number (line 0: the file). */
public record StockImportErrorDto(int status, String error, String message, List<LineError> errors) {
}
