package org.eticket.card;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.eticket.platform.ConflictException;
import org.eticket.platform.ValidationException;
import org.eticket.sales.Customer;
import org.junit.jupiter.api.Test;

class ChipTest {

    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

    private static Chip chip() {
        return new Chip("04A1B2C3D4E5F6", 1, new Customer("Alice", "alice@example.com"), null, null, null, NOW);
    }

    @Test
    void anActiveChipReceivesTickets() {
        Chip chip = chip();
        assertEquals(Chip.State.ACTIVE, chip.getState());
        assertDoesNotThrow(chip::requireActive);
    }

    @Test
    void aLostChipRefusesIssuanceAndStaysLost() {
        Chip chip = chip();
        chip.reportLost("left on the train", NOW);
        assertEquals(Chip.State.LOST, chip.getState());
        assertEquals("left on the train", chip.getStateReason());
        assertTrue(assertThrows(ConflictException.class, chip::requireActive).getMessage().contains("lost"));
        assertThrows(ConflictException.class, () -> chip.block("copy seen", NOW), "lost is final");
        assertEquals(Chip.State.LOST, chip.getState());
    }

    @Test
    void aBlockedChipRefusesIssuance() {
        Chip chip = chip();
        chip.block("copy seen at gate 3", NOW);
        assertTrue(assertThrows(ConflictException.class, chip::requireActive).getMessage().contains("blocked"));
        assertThrows(ConflictException.class, () -> chip.reportLost(null, NOW));
    }

    @Test
    void uidsAreFourteenHexDigitsInUpperCase() {
        assertEquals("04A1B2C3D4E5F6", ChipRegistry.uid(" 04a1b2c3d4e5f6 "));
        assertThrows(ValidationException.class, () -> ChipRegistry.uid("04A1B2"));
        assertThrows(ValidationException.class, () -> ChipRegistry.uid("04A1B2C3D4E5FG"));
        assertThrows(ValidationException.class, () -> ChipRegistry.uid(null));
    }
}
