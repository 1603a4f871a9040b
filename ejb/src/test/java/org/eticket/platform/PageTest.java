package org.eticket.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aPageBeyondAnyListIsRefusedInsteadOfOverflowingTheOffset() {
        assertDoesNotThrow(() -> Page.check(0, 20));
        assertDoesNotThrow(() -> Page.check(Integer.MAX_VALUE / 500, 500));
        // page * size wrapped: 500 at page 21474837, a list from offset 4 at page 42949673
        String message = assertThrows(ValidationException.class, () -> Page.check(21_474_837, 100)).getMessage();
        assertTrue(message.contains("beyond any list"), message);
        assertThrows(ValidationException.class, () -> Page.check(42_949_673, 100));
        assertThrows(ValidationException.class, () -> Page.check(-1, 20));
        assertThrows(ValidationException.class, () -> Page.check(0, 501));
    }
}
