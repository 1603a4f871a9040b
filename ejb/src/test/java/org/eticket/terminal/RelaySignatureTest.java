package org.eticket.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The MAC of a relay call between instances: every field counts, old calls and other keys are refused. */
class RelaySignatureTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] BODY = "{\"terminalId\":\"HOME-1\",\"kind\":\"APDU\",\"apdu\":\"00A40400\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final long T = NOW.toEpochMilli();

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final RelaySignature mac = new RelaySignature(KEY);
    private final String good = mac.request("b:7401", "a:7400", T, "n1", "POST", "/internal/terminal-relay", BODY);

    private String refusal(String from, String to, long time, String nonce, String path, byte[] body, String signature, Instant now) {
        return mac.refusal(from, to, Long.toString(time), nonce, "POST", path, body, signature, now);
    }

    @Test
    void aSignedFreshCallIsAccepted() {
        assertNull(refusal("b:7401", "a:7400", T, "n1", "/internal/terminal-relay", BODY, good, NOW));
        assertNull(refusal("b:7401", "a:7400", T, "n1", "/internal/terminal-relay", BODY, good, NOW.plusSeconds(29)));
    }

    @Test
    void anyChangedFieldBreaksTheSignature() {
        byte[] otherBody = BODY.clone();
        otherBody[otherBody.length - 3] ^= 1;
        String bad = "bad relay signature";
        assertEquals(bad, refusal("c:7402", "a:7400", T, "n1", "/internal/terminal-relay", BODY, good, NOW));
        assertEquals(bad, refusal("b:7401", "c:7400", T, "n1", "/internal/terminal-relay", BODY, good, NOW));
        assertEquals(bad, refusal("b:7401", "a:7400", T + 1, "n1", "/internal/terminal-relay", BODY, good, NOW));
        assertEquals(bad, refusal("b:7401", "a:7400", T, "n2", "/internal/terminal-relay", BODY, good, NOW));
        assertEquals(bad, refusal("b:7401", "a:7400", T, "n1", "/internal/other", BODY, good, NOW));
        assertEquals(bad, refusal("b:7401", "a:7400", T, "n1", "/internal/terminal-relay", otherBody, good, NOW));
        assertEquals(bad, mac.refusal("b:7401", "a:7400", Long.toString(T), "n1", "GET", "/internal/terminal-relay", BODY, good, NOW));
        // Field boundaries count: moving a character from one field to the next is another input.
        assertNotEquals(mac.request("b:740", "1a:7400", T, "n1", "POST", "/p", BODY),
                mac.request("b:7401", "a:7400", T, "n1", "POST", "/p", BODY));
    }

    @Test
    void anotherKeyOrNoSignatureIsRefused() {
        byte[] other = KEY.clone();
        other[0] = 8;
        String forged = new RelaySignature(other).request("b:7401", "a:7400", T, "n1", "POST", "/internal/terminal-relay", BODY);
        assertEquals("bad relay signature", refusal("b:7401", "a:7400", T, "n1", "/internal/terminal-relay", BODY, forged, NOW));
        assertEquals("unsigned relay request", refusal("b:7401", "a:7400", T, "n1", "/internal/terminal-relay", BODY, null, NOW));
        assertEquals("bad relay timestamp", mac.refusal("b:7401", "a:7400", "soon", "n1", "POST", "/internal/terminal-relay",
                BODY, good, NOW));
    }

    @Test
    void aCallOlderOrNewerThanThirtySecondsIsRefused() {
        assertEquals("relay request too old or from the future (31 s)",
                refusal("b:7401", "a:7400", T, "n1", "/internal/terminal-relay", BODY, good, NOW.plusSeconds(31)));
        assertEquals("relay request too old or from the future (31 s)",
                refusal("b:7401", "a:7400", T, "n1", "/internal/terminal-relay", BODY, good, NOW.minusSeconds(31)));
    }

    @Test
    void theAnswerIsBoundToItsRequest() {
        String answer = mac.answer(good, 200, BODY);
        String otherRequest = mac.request("b:7401", "a:7400", T, "n2", "POST", "/internal/terminal-relay", BODY);
        assertNotEquals(answer, mac.answer(otherRequest, 200, BODY));
        assertNotEquals(answer, mac.answer(good, 409, BODY));
    }
}
