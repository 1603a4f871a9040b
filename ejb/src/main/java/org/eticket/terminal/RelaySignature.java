package org.eticket.terminal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 that authenticates a relay call between two instances and its answer. The key
 * is derived from the KEK every instance of one platform shares ({@link InstanceRelay#KEY_PURPOSE}),
 * so no further secret needs distributing. A request's MAC covers sender, target, time, nonce,
 * method, path and body; the answer's MAC covers the request's MAC, the status and the body, so an
 * answer cannot be replayed for another request. Each field is length-prefixed: no two different
 * requests give the same MAC input.
 */
final class RelaySignature {

    /** How far a request's timestamp may lie from the receiver's clock. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final byte[] key;

    RelaySignature(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 32) {
            throw new IllegalArgumentException("a relay key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    String request(String sender, String target, long timestampMillis, String nonce, String method, String path, byte[] body) {
        return mac("request", sender, target, Long.toString(timestampMillis), nonce, method, path, body);
    }

    String answer(String requestMac, int status, byte[] body) {
        return mac("answer", requestMac, Integer.toString(status), body);
    }

    /**
     * Why a request must be refused, or null when its MAC is right and it is fresh. Never says
     * which part of the MAC input differed: the caller learns only "bad signature".
     */
    String refusal(String sender, String target, String timestamp, String nonce, String method, String path, byte[] body,
                   String presented, Instant now) {
        if (isBlank(sender) || isBlank(target) || isBlank(timestamp) || isBlank(nonce) || isBlank(presented)) {
            return "unsigned relay request";
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "bad relay timestamp";
        }
        if (!matches(request(sender, target, millis, nonce, method, path, body), presented)) {
            return "bad relay signature";
        }
        Duration skew = Duration.between(Instant.ofEpochMilli(millis), now).abs();
        if (skew.compareTo(MAX_AGE) > 0) {
            return "relay request too old or from the future (" + skew.toSeconds() + " s)";
        }
        return null;
    }

    static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(Object... fields) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (Object field : fields) {
                byte[] bytes = field instanceof byte[] b ? b
                        : String.valueOf(Objects.requireNonNull(field, "field")).getBytes(StandardCharsets.UTF_8);
                hmac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                hmac.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
