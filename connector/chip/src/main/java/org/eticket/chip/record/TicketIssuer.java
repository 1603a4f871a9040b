package org.eticket.chip.record;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Objects;

import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.PersonalDataKey;

/**
 * Builds the record the center writes to a chip: encodes the ticket, seals the personal part for
 * the ticket's chip and signs everything, the chip UID included, with the event's current key.
 */
public final class TicketIssuer {

    private final EventSigningKey signingKey;
    private final PersonalDataKey personalDataKey;
    private final SecureRandom random;

    public TicketIssuer(EventSigningKey signingKey, PersonalDataKey personalDataKey, SecureRandom random) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.personalDataKey = Objects.requireNonNull(personalDataKey, "personalDataKey");
        this.random = Objects.requireNonNull(random, "random");
        if (!signingKey.canSign()) {
            throw new IllegalArgumentException("issuing needs the private signing key");
        }
    }

    public byte[] issue(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        byte[] eventIdArea = RecordCodec.eventIdArea(ticket.eventIds());
        byte[] eventInfoArea = RecordCodec.eventInfoArea(ticket.event());
        byte[] head = RecordCodec.managementHead(ticket, signingKey.id(), personalDataKey.id());
        byte[] plaintext = RecordCodec.personalPlaintext(ticket.personal());
        int sealedLength = PersonalDataKey.NONCE_LENGTH + plaintext.length + PersonalDataKey.TAG_LENGTH;
        int managementLength = head.length + TlvWriter.elementSize(sealedLength) + RecordCodec.signatureElementSize();

        // Everything before the personal part is known before sealing, so it is the associated data.
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.write(RecordCodec.VERSION);
        out.writeBytes(eventIdArea);
        out.writeBytes(eventInfoArea);
        out.writeBytes(TlvWriter.header(RecordCodec.TAG_MANAGEMENT_AREA, managementLength));
        out.writeBytes(head);
        byte[] header = out.toByteArray();

        byte[] nonce = new byte[PersonalDataKey.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] ciphertext = personalDataKey.encrypt(ticket.chipUid(), nonce, header, plaintext);
        out.writeBytes(TlvWriter.header(RecordCodec.TAG_PERSONAL, sealedLength));
        out.writeBytes(nonce);
        out.writeBytes(ciphertext);

        byte[] unsigned = out.toByteArray();
        byte[] signature = signingKey.sign(RecordCodec.signedMessage(ticket.chipUid(), unsigned, unsigned.length));
        out.writeBytes(TlvWriter.header(RecordCodec.TAG_SIGNATURE, signature.length));
        out.writeBytes(signature);
        byte[] record = out.toByteArray();
        if (record.length > TicketRecord.MAX_LENGTH) {
            throw new IllegalArgumentException("record of " + record.length + " bytes exceeds " + TicketRecord.MAX_LENGTH);
        }
        return record;
    }
}
