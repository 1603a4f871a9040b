package org.eticket.issuance;

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
}
