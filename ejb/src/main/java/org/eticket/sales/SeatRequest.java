package org.eticket.sales;

import java.util.List;

/**
 * Which seats of one seller's stock a checkout wants: named seats ({@code ["A6","B6"]}), or
 * the best {@code quantity} consecutive seats of {@code seatType}.
 */
public record SeatRequest(Long performanceId, Long sellerId, List<String> seats, String seatType, Integer quantity) {
}
