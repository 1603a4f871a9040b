package org.eticket.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.eticket.allocation.Seller;
import org.eticket.catalog.Event;
import org.eticket.catalog.Performance;
import org.eticket.catalog.grid.Cell;
import org.junit.jupiter.api.Test;

class TicketStateTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void theUsualLifeIsAllowed() {
        Ticket t = ticket();
        t.moveTo(TicketState.HELD, T0);
        t.hold("checkout-1", T0.plusSeconds(600));
        t.moveTo(TicketState.SOLD, T0.plusSeconds(60));
        assertNull(t.getHoldId(), "a sold seat keeps no hold");
        t.moveTo(TicketState.ISSUED, T0.plusSeconds(120));
        t.moveTo(TicketState.ASSIGNING, T0.plusSeconds(180));
        t.moveTo(TicketState.ISSUED, T0.plusSeconds(240));
        t.moveTo(TicketState.USED, T0.plusSeconds(300));
        assertEquals(TicketState.USED, t.getState());
        assertEquals(T0.plusSeconds(300), t.getChangedAt());
    }

    @Test
    void aSoldSeatCannotGoBackToStockOrBeHeldAgain() {
        for (TicketState owned : TicketState.OWNED) {
            assertFalse(owned.canMoveTo(TicketState.ALLOCATED), owned + " -> ALLOCATED");
            assertFalse(owned.canMoveTo(TicketState.HELD), owned + " -> HELD");
            assertFalse(owned.canMoveTo(TicketState.SOLD), owned + " -> SOLD");
            assertFalse(owned.canMoveTo(TicketState.RETURN_REQUESTED), owned + " -> RETURN_REQUESTED");
        }
    }

    @Test
    void usedAndNullifiedAreFinal() {
        for (TicketState next : TicketState.values()) {
            assertFalse(TicketState.USED.canMoveTo(next));
            assertFalse(TicketState.NULLIFIED.canMoveTo(next));
        }
    }

    @Test
    void returnsGoThroughTheOrganizer() {
        assertTrue(TicketState.ALLOCATED.canMoveTo(TicketState.RETURN_REQUESTED));
        assertFalse(TicketState.ALLOCATED.canMoveTo(TicketState.RETURNED), "a seller cannot return without the organizer");
        assertTrue(TicketState.RETURN_REQUESTED.canMoveTo(TicketState.RETURNED));
        assertTrue(TicketState.RETURN_REQUESTED.canMoveTo(TicketState.ALLOCATED), "a refused return stays in stock");
        assertTrue(TicketState.RETURNED.canMoveTo(TicketState.ALLOCATED));
    }

    @Test
    void aRefusedMoveNamesTheSeatAndChangesNothing() {
        Ticket t = ticket();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.moveTo(TicketState.ISSUED, T0));
        assertEquals("seat C3 is allocated and cannot become issued", e.getMessage());
        assertEquals(TicketState.ALLOCATED, t.getState());
        assertEquals(T0.minusSeconds(1), t.getChangedAt());
    }

    private static Ticket ticket() {
        Performance p = new Performance((Event) null, LocalDate.of(2026, 12, 24), LocalTime.of(17, 0), LocalTime.of(18, 0), "A");
        return new Ticket(p, Cell.parse("C3"), null, new Seller("PLAZA", "Plaza Tickets", Seller.Kind.AGENT), T0.minusSeconds(1));
    }
}
