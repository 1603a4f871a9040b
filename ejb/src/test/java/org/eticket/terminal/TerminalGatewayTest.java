package org.eticket.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which instance drives a terminal, and when a request is relayed (connector/README.md, "Several instances"). */
class TerminalGatewayTest {

    private static Terminal onlineAt(String instance) {
        Terminal t = new Terminal("GATE-01");
        t.cameOnline(Instant.parse("2026-11-21T06:00:00Z"), "10.0.0.7:50000", instance);
        return t;
    }

    @Test
    void theInstanceHoldingTheConnectionServesIt() {
        assertNull(TerminalGateway.refusal(onlineAt("a:7400"), "a:7400", true));
        assertNull(TerminalGateway.relayTo(onlineAt("a:7400"), "a:7400", true));
        // The adapter's own knowledge wins over a registry that lags behind by an event.
        assertNull(TerminalGateway.refusal(onlineAt("b:7400"), "a:7400", true));
        assertNull(TerminalGateway.relayTo(onlineAt("b:7400"), "a:7400", true));
    }

    @Test
    void anotherInstanceRelaysToTheOneTheRegistryNames() {
        assertEquals("a:7400", TerminalGateway.relayTo(onlineAt("a:7400"), "b:7400", false));
        assertNull(TerminalGateway.refusal(onlineAt("a:7400"), "b:7400", false));
    }

    @Test
    void anOfflineTerminalIsRefusedAsOfflineAndNeverRelayed() {
        Terminal t = onlineAt("a:7400");
        t.wentOffline(Instant.parse("2026-11-21T06:05:00Z"), "connection lost");
        assertNull(TerminalGateway.relayTo(t, "b:7400", false));
        assertEquals("terminal GATE-01 is offline", TerminalGateway.refusal(t, "b:7400", false));
        assertEquals("terminal GATE-01 is offline", TerminalGateway.refusal(t, "a:7400", false));
    }

    @Test
    void aTerminalTheRegistryPlacesHereButTheAdapterDoesNotHoldIsRefused() {
        assertNull(TerminalGateway.relayTo(onlineAt("a:7400"), "a:7400", false), "never relayed to itself");
        assertEquals("terminal GATE-01 is not connected to this instance (a:7400)",
                TerminalGateway.refusal(onlineAt("a:7400"), "a:7400", false));
    }
}
