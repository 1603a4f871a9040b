package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.issuance.IssuanceResult;
import org.eticket.issuance.terminal.ChipDownload;
import org.eticket.issuance.terminal.ChipListing;
import org.eticket.issuance.terminal.MembershipCard;
import org.eticket.issuance.terminal.TerminalIssuanceService;
import org.eticket.platform.NotFoundException;
import org.eticket.sales.PaymentRequest;
import org.eticket.sales.SeatRequest;

/**
 * Ticket flows the center runs through a reader terminal: download an order to the chip on the
 * customer's home reader/writer (Fig 38), list what the chip on a terminal holds, and settle a
 * write whose answer was lost when the connection dropped. {@code waitSeconds} bounds the wait for
 * a chip to be brought to the reader (default 30, at most 120).
 */
@Path("chip-terminals/{terminalId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issuance")
public class ChipTerminalResource {

    /** {@code {"orderId":..,"waitSeconds":..}} */
    public record DownloadRequest(Long orderId, Integer waitSeconds) {
    }

    /** {@code {"ticketId":..,"waitSeconds":..}} */
    public record SettlementRequest(Long ticketId, Integer waitSeconds) {
    }

    /** {@code {"memberId":..,"waitSeconds":..}} */
    public record MembershipCardRequest(Long memberId, Integer waitSeconds) {
    }

    @EJB
    TerminalIssuanceService flows;

    /** C15: the signed-in customer buys at a store's kiosk (the portal's purchase body plus waitSeconds); the tickets are written to the card on the kiosk at once. */
    @POST
    @Path("kiosk-purchases")
    public ChipDownload buyAtKiosk(@PathParam("terminalId") String terminalId, KioskPurchaseRequest request) {
        KioskPurchaseRequest r = Requests.body(request);
        return flows.buyAtKiosk(terminalId, new SeatRequest(r.performanceId(), r.sellerId(), r.seats(), r.seatType(), r.quantity()),
                r.payment(), r.waitSeconds());
    }

    public record KioskPurchaseRequest(Long performanceId, Long sellerId, java.util.List<String> seats, String seatType,
                                       Integer quantity, PaymentRequest payment, Integer waitSeconds) {
    }

    /** A seller issues the chip on the terminal as a registered member's membership card (C10). */
    @POST
    @Path("membership-cards")
    public MembershipCard issueMembershipCard(@PathParam("terminalId") String terminalId, MembershipCardRequest request) {
        MembershipCardRequest r = Requests.body(request);
        return flows.issueMembershipCard(r.memberId(), terminalId, r.waitSeconds());
    }

    /** The customer downloads an order's tickets to their chip; the answer says COMPLETED or RETRY_OR_CANCEL and why. */
    @POST
    @Path("downloads")
    public ChipDownload downloadToChip(@PathParam("terminalId") String terminalId, DownloadRequest request) {
        DownloadRequest r = Requests.body(request);
        return flows.download(r.orderId(), terminalId, r.waitSeconds());
    }

    /** The tickets on the chip at the terminal, each checked by the center. */
    @GET
    @Path("chip")
    public ChipListing readChip(@PathParam("terminalId") String terminalId, @QueryParam("waitSeconds") Integer waitSeconds) {
        return flows.chipContent(terminalId, waitSeconds);
    }

    /** After a dropped connection: reads the chip and completes the ticket's last write or records that the chip kept its old state. */
    @POST
    @Path("settlements")
    public IssuanceResult settleIssuance(@PathParam("terminalId") String terminalId, SettlementRequest request) {
        SettlementRequest r = Requests.body(request);
        return flows.settle(r.ticketId(), terminalId, r.waitSeconds())
                .orElseThrow(() -> new NotFoundException("ticket " + r.ticketId() + " has no unconfirmed write to the chip on terminal "
                        + terminalId));
    }
}
