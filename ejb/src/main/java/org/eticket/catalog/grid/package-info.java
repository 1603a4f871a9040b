/**
 * Seat layouts as a spreadsheet-like cell grid: cells ({@code C3}), rectangular ranges and lists of
 * them ({@code B1:F1, A2:G7, B8:F8}), seat-type assignment checks and the CSV import of a seat drawing.
 * Plain Java with no persistence, so screens, services and tests share one set of rules and messages.
 */
package org.eticket.catalog.grid;
