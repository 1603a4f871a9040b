package org.eticket.chip.protocol;

import static org.eticket.chip.protocol.TicketApplication.COUNTER_LENGTH;
import static org.eticket.chip.protocol.TicketApplication.TICKET_ABSENT;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.crypto.ChipMacs;
import org.eticket.chip.record.TicketState;

/**
 * The chip's answer to PROVE TICKET for a challenge: its write counter, the ticket's state (empty:
 * the chip does not hold that ticket ID), the SHA-256 of the ticket's record and a MAC under the
 * chip's authentication key over all of it and the challenge. A terminal relays it; only the
 * center, which chose the challenge and can derive the key, decides whether it is the chip's
 * ({@link #verify}) and then what the chip holds ({@link #holds}), so a terminal cannot claim a
 * write landed or not, nor replay an earlier answer.
 */
public record TicketProof(byte[] challenge, String ticketId, long writeCounter, int stateCode, byte[] recordDigest,
                          byte[] mac) {

    /** counter(4) state(1) digest(32) MAC(16). */
    public static final int ANSWER_LENGTH = COUNTER_LENGTH + 1 + ChipMacs.RECORD_DIGEST_LENGTH + ChipMacs.TICKET_PROOF_LENGTH;

    public TicketProof {
        challenge = challenge.clone();
        recordDigest = recordDigest.clone();
        mac = mac.clone();
    }

    /** The answer's fields, or empty when it has not the answer's shape (length, known state, 1-255 byte ID). */
    public static Optional<TicketProof> of(byte[] challenge, String ticketId, byte[] answer) {
        byte[] id = ticketId == null ? new byte[0] : ticketId.getBytes(StandardCharsets.UTF_8);
        if (challenge == null || challenge.length != ChipMacs.CHALLENGE_LENGTH || id.length < 1 || id.length > 0xFF
                || answer == null || answer.length != ANSWER_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(answer);
        long counter = b.getInt() & 0xFFFF_FFFFL;
        int state = b.get() & 0xFF;
        if (state != TICKET_ABSENT && TicketState.fromCode(state).isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = new byte[ChipMacs.RECORD_DIGEST_LENGTH];
        b.get(digest);
        byte[] mac = new byte[ChipMacs.TICKET_PROOF_LENGTH];
        b.get(mac);
        return Optional.of(new TicketProof(challenge, ticketId, counter, state, digest, mac));
    }

    /** Whether the chip {@code uid} with {@code keys} made this answer to this challenge. */
    public boolean verify(ChipKeys keys, ChipUid uid) {
        return ChipMacs.matches(ChipMacs.ticketProof(keys.authenticationKey(), uid, challenge,
                ticketId.getBytes(StandardCharsets.UTF_8), writeCounter, stateCode, recordDigest), mac);
    }

    /** The ticket's state on the chip; empty when the chip does not hold the ticket ID. */
    public Optional<TicketState> state() {
        return stateCode == TICKET_ABSENT ? Optional.empty() : TicketState.fromCode(stateCode);
    }

    /** Whether the chip holds exactly {@code record} for the ticket, valid or used (check {@link #verify} first). */
    public boolean holds(byte[] record) {
        return record != null && state().filter(s -> s != TicketState.NULLIFIED).isPresent()
                && ChipMacs.matches(ChipMacs.recordDigest(record), recordDigest);
    }

    /** The answer as the chip sent it. */
    public byte[] answer() {
        return ByteBuffer.allocate(ANSWER_LENGTH).put(ChipMacs.counterBytes(writeCounter)).put((byte) stateCode)
                .put(recordDigest).put(mac).array();
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public byte[] recordDigest() {
        return recordDigest.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketProof p && Arrays.equals(answer(), p.answer()) && Arrays.equals(challenge, p.challenge)
                && ticketId.equals(p.ticketId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(answer());
    }

    @Override
    public String toString() {
        return "TicketProof[" + ticketId + ", counter " + writeCounter + ", state " + stateCode + "]";
    }
}
