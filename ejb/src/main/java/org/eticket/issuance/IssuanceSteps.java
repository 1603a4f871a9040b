package org.eticket.issuance;

import java.util.Optional;

/**
 * The center's side of one issuance, as a terminal relay sees it (004 Fig 3). {@link IssuanceService}
 * implements it in the server; a remote terminal reaches the same steps over the REST API
 * ({@code /api/v1/issuances}); {@link ChipIssuance} drives them over any APDU transport.
 */
public interface IssuanceSteps {

    /** Issuing-request receiver: ticket and chip are checked, a fresh center challenge is returned. */
    IssuanceChallenge request(IssuanceRequest request);

    /** Authentication and issuing processor: the chip's answer to the challenge; returns the MACed write. */
    WriteAuthorization authenticate(Long attemptId, ChipEvidence evidence);

    /** Reporter: the chip's answer to the write and the record read back; the ticket becomes ISSUED. */
    IssuanceResult report(Long attemptId, WriteReport report);

    /** The relay could not finish (chip removed, power lost): the ticket stays unissued. */
    IssuanceResult abandon(Long attemptId, String reason);

    /**
     * Settlement, first half: the ticket's latest write to the chip that was never confirmed (its
     * answer was lost), with a fresh challenge for the chip's proof of its state; empty when there
     * is none.
     */
    Optional<SettlementChallenge> challengeSettlement(IssuanceRequest request);

    /**
     * Settlement, second half: the chip's PROVE TICKET answer to that challenge. The center checks it
     * is the chip's, then completes the write (new state) or records that the chip kept its old
     * state. An answer that is not the chip's proof is refused and decides nothing.
     */
    IssuanceResult settle(Long attemptId, SettlementProof proof);
}
