package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.issuance.ChipEvidence;
import org.eticket.issuance.IssuanceChallenge;
import org.eticket.issuance.IssuanceRequest;
import org.eticket.issuance.IssuanceResult;
import org.eticket.issuance.IssuanceService;
import org.eticket.issuance.RecordCheck;
import org.eticket.issuance.RecordCheckRequest;
import org.eticket.issuance.SettlementChallenge;
import org.eticket.issuance.SettlementProof;
import org.eticket.platform.NotFoundException;
import org.eticket.issuance.WriteAuthorization;
import org.eticket.issuance.WriteReport;

/**
 * Issuing a sold ticket to a chip (004 Fig 3, C14) for a terminal that relays APDUs: request
 * (challenge), authentication (the chip's answer; returns the MACed write), report (the chip's
 * answer to the write and the read-back; the ticket becomes ISSUED), or abandon; and settlement of a
 * write whose answer was lost (a challenge, then the chip's PROVE TICKET answer). All bytes in hex.
 */
@Path("issuances")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issuance")
public class IssuanceResource {

    @EJB
    IssuanceService issuance;

    @POST
    public IssuanceChallenge requestIssuance(IssuanceRequest request) {
        return issuance.request(Requests.body(request));
    }

    /** The center's check of a record read from a chip: bound to that chip, signed, personal part opens. */
    @POST
    @Path("verification")
    public RecordCheck verifyRecord(RecordCheckRequest request) {
        return issuance.verify(Requests.body(request));
    }

    @GET
    @Path("{id}")
    public IssuanceResult getIssuance(@PathParam("id") Long id) {
        return issuance.get(id);
    }

    @POST
    @Path("{id}/authentication")
    public WriteAuthorization authenticateChip(@PathParam("id") Long id, ChipEvidence evidence) {
        return issuance.authenticate(id, Requests.body(evidence));
    }

    @POST
    @Path("{id}/report")
    public IssuanceResult reportWrite(@PathParam("id") Long id, WriteReport report) {
        return issuance.report(id, Requests.body(report));
    }

    @POST
    @Path("{id}/abandon")
    public IssuanceResult abandonIssuance(@PathParam("id") Long id, ReasonRequest request) {
        return issuance.abandon(id, request == null ? null : request.reason());
    }

    /** A write of the ticket to the chip whose answer was lost, with a fresh challenge for the chip's proof; 404 when none. */
    @POST
    @Path("settlements")
    public SettlementChallenge challengeSettlement(IssuanceRequest request) {
        IssuanceRequest r = Requests.body(request);
        return issuance.challengeSettlement(r).orElseThrow(() -> new NotFoundException("ticket " + r.ticketId()
                + " has no unconfirmed write to chip " + r.chipUid()));
    }

    /** The chip's PROVE TICKET answer to the settlement challenge; the center completes the write or records the old state. */
    @POST
    @Path("{id}/settlement")
    public IssuanceResult settleIssuance(@PathParam("id") Long id, SettlementProof proof) {
        return issuance.settle(id, Requests.body(proof));
    }
}
