package org.eticket.web.api;

/** Cells picked on the grid, typed like {@code "B1:F1, A2:G7"}; blank clears. */
public record RangesRequest(String ranges) {
}
