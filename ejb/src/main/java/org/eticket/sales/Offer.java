package org.eticket.sales;

/** A seat on sale as checkout reads it, without loading the ticket entity (prices in minor units). */
public record Offer(Long ticketId, Long performanceId, Long sellerId, String seat, int row, int column,
                    String seatType, Long price, String currency, org.eticket.ticket.TicketState state) {

    public org.eticket.ticket.TicketService.Claimed claimed() {
        return new org.eticket.ticket.TicketService.Claimed(ticketId, performanceId, sellerId);
    }

    public long priceOrZero() {
        return price == null ? 0 : price;
    }
}
