package org.eticket.issuance;

/** Where an attempt ended: its state, and for a completed one the ticket now ISSUED to the chip. */
public record IssuanceResult(Long attemptId, Long ticketId, String chipUid, IssuanceAttempt.State state, String detail) {

    static IssuanceResult of(IssuanceAttempt a) {
        return new IssuanceResult(a.getId(), a.getTicket().getId(), a.getChip().getUid(), a.getState(), a.getDetail());
    }
}
