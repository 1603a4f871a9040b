package org.eticket.allocation;

/**
 * One seat of a seller's stock in the seller's format (C7, Figs 34-35): the event's code, the
 * performance as {@code 2026-12-19T18:00} (date and start time), the seat ({@code C3}), the seat
 * type's code and the price in minor units of the currency.
 */
public record StockLine(String event, String performance, String seat, String seatType, long price, String currency) {
}
