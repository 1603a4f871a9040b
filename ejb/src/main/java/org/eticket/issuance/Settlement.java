package org.eticket.issuance;

import java.util.Optional;
import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipKeys;
import org.eticket.chip.protocol.TicketProof;

/**
 * The center's decision on a write whose answer never came back, from the chip's own fresh
 * statement (PROVE TICKET over the center's challenge, chip README "Ticket proof"): the chip holds
 * the record written (new state) or not (old state), and an answer the chip did not make for this
 * challenge (forged, altered, replayed, another chip's) decides nothing.
 */
record Settlement(Outcome outcome, String detail) {

    enum Outcome { NEW_STATE, OLD_STATE, REFUSED }

    /**
     * @param challenge the center's challenge for this settlement
     * @param written the record the unconfirmed WRITE carried
     * @param writeCounter the counter value the WRITE carried
     * @param answer the chip's PROVE TICKET answer as the terminal relayed it
     */
    static Settlement judge(ChipKeys keys, ChipUid uid, byte[] challenge, String chipTicketId, byte[] written,
                            long writeCounter, byte[] answer) {
        Optional<TicketProof> proof = TicketProof.of(challenge, chipTicketId, answer);
        if (proof.isEmpty()) {
            return new Settlement(Outcome.REFUSED, "the answer relayed for chip " + uid + " is no ticket proof");
        }
        if (!proof.get().verify(keys, uid)) {
            return new Settlement(Outcome.REFUSED, "the answer relayed for chip " + uid
                    + " is not that chip's proof for the center's challenge (forged, altered or replayed)");
        }
        if (proof.get().holds(written)) {
            return new Settlement(Outcome.NEW_STATE, "the chip holds the new state: the record was written "
                    + "(proved by the chip after the connection dropped)");
        }
        // The chip's counter passed the write's value: the chip refuses that write from now on.
        boolean spent = proof.get().writeCounter() >= writeCounter;
        return new Settlement(Outcome.OLD_STATE, "the chip kept its old state: the record was not written"
                + (spent ? " and the write can no longer execute" : "") + " (proved by the chip); write the ticket again");
    }
}
