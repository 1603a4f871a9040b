package org.eticket.keys;

import java.time.Instant;

/** What may be shown about a stored key: no key material. {@code current} marks the scope's highest generation. */
public record KeyInfo(StoredKey.Purpose purpose, String scope, int generation, String keyId, Instant createdAt, boolean current) {
}
