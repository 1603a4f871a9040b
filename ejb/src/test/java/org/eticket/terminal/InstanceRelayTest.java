package org.eticket.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What of an unauthenticated relay caller's headers reaches the log. */
class InstanceRelayTest {

    @Test
    void headerValuesAreLoggedOnOneLineAndShort() {
        assertEquals("b:7401", InstanceRelay.printable("b:7401"));
        assertEquals("(none)", InstanceRelay.printable(null));
        assertEquals("b??INFO forged line", InstanceRelay.printable("b\r\nINFO forged line"));
        assertEquals("x".repeat(100) + "...", InstanceRelay.printable("x".repeat(500)));
    }
}
