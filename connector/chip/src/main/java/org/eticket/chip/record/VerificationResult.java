package org.eticket.chip.record;

import org.eticket.chip.crypto.KeyId;

/** What {@link TicketVerifier} decided about one record on one chip. */
public sealed interface VerificationResult {

    /** Why a record was refused, in the order the checks run. */
    enum Reason {
        /** Not a well-formed record of a known format version. */
        MALFORMED,
        /** The record names another chip than the one it was read from (000 cl. 17). */
        WRONG_CHIP,
        /** The record names a signing or personal-data key this verifier was not given. */
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        /** The personal part does not open for this chip with the named key. */
        DECRYPTION_FAILED
    }

    record Verified(Ticket ticket, KeyId signingKeyId, KeyId personalDataKeyId) implements VerificationResult {
    }

    record Rejected(Reason reason, String detail) implements VerificationResult {
    }

    default boolean verified() {
        return this instanceof Verified;
    }
}
