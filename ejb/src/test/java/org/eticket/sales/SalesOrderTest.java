package org.eticket.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An order is priced and paid before it is stored (one INSERT); its lines must then fit that price. */
class SalesOrderTest {

    private final SalesOrder order = new SalesOrder(new Customer("Alice", "alice@example.org"), null, null, Channel.PORTAL,
            Instant.parse("2026-11-21T00:00:00Z"), "JPY", "token");

    @Test
    void linesAddUpToThePriceSetBefore() {
        order.priced(15000);
        order.addLine(new OrderLine(order, 1L, "A1", 1, 1, "S", 9000));
        order.addLine(new OrderLine(order, 2L, "B1", 1, 2, "B", 6000));
        assertEquals(15000, order.getTotal());
        assertEquals(2, order.getLines().size());
        order.paid(1000, 0, 14000, 140);
        assertEquals(14000, order.getCardPaid());
    }

    @Test
    void aLineBeyondThePriceIsRefused() {
        order.priced(6000);
        order.addLine(new OrderLine(order, 1L, "A1", 1, 1, "B", 6000));
        assertThrows(IllegalStateException.class, () -> order.addLine(new OrderLine(order, 2L, "B1", 1, 2, "B", 6000)));
        assertEquals(1, order.getLines().size());
    }

    @Test
    void aPaymentThatDoesNotMatchThePriceIsRefused() {
        order.priced(6000);
        assertThrows(IllegalStateException.class, () -> order.paid(0, 0, 5000, 50));
    }
}
