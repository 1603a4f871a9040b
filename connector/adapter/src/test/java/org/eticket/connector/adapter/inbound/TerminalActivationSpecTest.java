package org.eticket.connector.adapter.inbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import java.time.Instant;
import org.eticket.connector.api.TerminalEvent;
import org.junit.jupiter.api.Test;

class TerminalActivationSpecTest {

    private static TerminalEvent event(TerminalEvent.Kind kind) {
        return new TerminalEvent(kind, "GATE-01", null, Instant.EPOCH, null);
    }

    @Test
    void subscribesToTheNamedKindsOnly() throws Exception {
        TerminalActivationSpec spec = new TerminalActivationSpec();
        spec.setEventKinds(" chip_presented , LOG_BATCH");
        spec.validate();
        assertTrue(spec.accepts(event(TerminalEvent.Kind.CHIP_PRESENTED)));
        assertTrue(spec.accepts(event(TerminalEvent.Kind.LOG_BATCH)));
        assertFalse(spec.accepts(event(TerminalEvent.Kind.ONLINE)));
    }

    @Test
    void refusesUnknownOrNoKinds() {
        TerminalActivationSpec spec = new TerminalActivationSpec();
        spec.setEventKinds("ONLINE,TELEPORTED");
        assertTrue(assertThrows(InvalidPropertyException.class, spec::validate).getMessage().contains("\"TELEPORTED\""));
        spec.setEventKinds(" ");
        assertThrows(InvalidPropertyException.class, spec::validate);
    }
}
