package org.eticket.chip.record;

import java.util.Objects;
import java.util.Optional;

import javax.crypto.AEADBadTagException;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.EventKeyRing;
import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.PersonalDataKey;
import org.eticket.chip.record.VerificationResult.Reason;
import org.eticket.chip.record.VerificationResult.Rejected;
import org.eticket.chip.record.VerificationResult.Verified;

/**
 * The offline gate's check of one record read from a chip (design §4, Fig 45 S4502-S4506):
 * decode, the UID in the record against the chip's UID, the event signature over the record and
 * the chip UID, then open the personal part sealed for that chip. Never throws on bad bytes.
 */
public final class TicketVerifier {

    private final EventKeyRing keys;

    public TicketVerifier(EventKeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public VerificationResult verify(ChipUid chip, byte[] encoded) {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(encoded, "encoded");
        TicketRecord record;
        try {
            record = TicketRecord.parse(encoded);
        } catch (RecordFormatException e) {
            return new Rejected(Reason.MALFORMED, e.getMessage());
        }
        if (!record.chipUid().equals(chip)) {
            return new Rejected(Reason.WRONG_CHIP, "record for chip " + record.chipUid() + " read from chip " + chip);
        }
        Optional<EventSigningKey> signingKey = keys.signingKey(record.signingKeyId());
        if (signingKey.isEmpty()) {
            return new Rejected(Reason.UNKNOWN_KEY, "signing key " + record.signingKeyId());
        }
        if (!record.signatureValid(signingKey.get(), chip)) {
            return new Rejected(Reason.BAD_SIGNATURE, "signature does not verify under " + record.signingKeyId());
        }
        Optional<PersonalDataKey> personalKey = keys.personalDataKey(record.personalDataKeyId());
        if (personalKey.isEmpty()) {
            return new Rejected(Reason.UNKNOWN_KEY, "personal-data key " + record.personalDataKeyId());
        }
        try {
            PersonalData personal = record.decryptPersonalData(personalKey.get(), chip);
            return new Verified(record.toTicket(personal), record.signingKeyId(), record.personalDataKeyId());
        } catch (AEADBadTagException e) {
            return new Rejected(Reason.DECRYPTION_FAILED, e.getMessage());
        } catch (RecordFormatException e) {
            return new Rejected(Reason.MALFORMED, "personal part: " + e.getMessage());
        }
    }
}
