package org.eticket.chip.record;

import java.time.Instant;

/** Who bought the ticket and what was ordered when (C13; 001 cl. 6, 9), written with the ticket. */
public record BuyerIdentification(String buyerName, String orderContents, Instant orderedAt) {

    public BuyerIdentification {
        Limits.text(buyerName, "buyer name", 0, Limits.NAME_MAX);
        Limits.text(orderContents, "order contents", 0, Limits.ORDER_CONTENTS_MAX);
        Limits.seconds(orderedAt, "order time");
    }
}
