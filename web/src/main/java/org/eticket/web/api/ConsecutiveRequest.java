package org.eticket.web.api;

/** "Allocate {@code count} consecutive seats of type {@code seatType} to seller {@code sellerId}" (C6). */
public record ConsecutiveRequest(Long performanceId, Long sellerId, String seatType, Integer count, String note) {
}
