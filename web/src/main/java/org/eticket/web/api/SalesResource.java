package org.eticket.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eticket.payment.WalletService;
import org.eticket.platform.ValidationException;
import org.eticket.sales.HoldService;
import org.eticket.sales.MembershipService;
import org.eticket.sales.OrderService;
import org.eticket.sales.PaymentRequest;
import org.eticket.sales.PurchaseService;
import org.eticket.sales.SalesJournalService;
import org.eticket.sales.SalesOrder;
import org.eticket.sales.SalesReconciliation;
import org.eticket.sales.SalesTermsService;
import org.eticket.sales.ShopService;
import org.eticket.security.Roles;
import org.eticket.web.api.SalesDtos.DownloadDto;
import org.eticket.web.api.SalesDtos.HoldDto;
import org.eticket.web.api.SalesDtos.JournalDto;
import org.eticket.web.api.SalesDtos.JournalEntryDto;
import org.eticket.web.api.SalesDtos.LedgerEntryDto;
import org.eticket.web.api.SalesDtos.LineDto;
import org.eticket.web.api.SalesDtos.MemberDto;
import org.eticket.web.api.SalesDtos.MembershipRequest;
import org.eticket.web.api.SalesDtos.OrderDto;
import org.eticket.web.api.SalesDtos.PurchaseRequest;
import org.eticket.web.api.SalesDtos.SeatDto;
import org.eticket.web.api.SalesDtos.SellerOrderRequest;
import org.eticket.web.api.SalesDtos.SellerStockDto;
import org.eticket.web.api.SalesDtos.TermsDto;
import org.eticket.web.api.SalesDtos.TermsRequest;
import org.eticket.web.api.SalesDtos.TopUpRequest;
import org.eticket.web.api.SalesDtos.WalletDto;

/**
 * Selling (C10-C14, C35): the customer's purchase path (browse, hold, checkout, my orders,
 * wallet), sellers' systems submitting purchase orders for their own stock (Fig 7), the
 * download check (Fig 15), membership (Fig 13), and the sales journal for organizers and
 * sellers. A refused sale (seat taken, sold out, payment refused) answers 409 with the reason.
 */
@Path("")
@ApplicationScoped // holds nothing per request: built once, not with nine EJB references on every purchase
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Selling")
public class SalesResource {

    @EJB
    ShopService shop;

    @EJB
    HoldService holds;

    @EJB
    PurchaseService purchases;

    @EJB
    OrderService orders;

    @EJB
    WalletService wallet;

    @EJB
    SalesJournalService salesJournal;

    @EJB
    SalesTermsService terms;

    @EJB
    MembershipService memberships;

    @EJB
    SalesReconciliation reconciliation;

    @GET
    @Path("shop/performances")
    @Operation(summary = "Performances with seats on sale")
    public List<PerformanceDto> performancesOnSale() {
        return shop.onSale().stream().map(PerformanceDto::of).toList();
    }

    @GET
    @Path("shop/performances/{id}/sellers")
    @Operation(summary = "Sellers with stock on a performance and how many seats are free now")
    public List<SellerStockDto> sellers(@PathParam("id") Long performanceId) {
        shop.performance(performanceId);
        return shop.sellers(performanceId).stream().map(SellerStockDto::of).toList();
    }

    @GET
    @Path("shop/performances/{id}/seats")
    @Operation(summary = "A seller's seats on a performance with availability and price")
    public List<SeatDto> seats(@PathParam("id") Long performanceId, @QueryParam("sellerId") String sellerId) {
        Long seller = Requests.optionalId("sellerId", sellerId);
        if (seller == null) {
            throw new ValidationException("sellerId is required: seats are sold from one seller's stock");
        }
        return shop.seats(performanceId, seller).stream().map(SeatDto::of).toList();
    }

    @POST
    @Path("holds")
    @Operation(summary = "Hold named seats, or the best N side by side of a seat type, for a limited time")
    public Response hold(PurchaseRequest request, @Context UriInfo uri) {
        PurchaseRequest r = Requests.body(request);
        HoldDto h = HoldDto.of(holds.hold(r.seatRequest(), r.holdSeconds()));
        return Requests.created(uri, h, "holds/{id}", h.id());
    }

    @GET
    @Path("holds/{id}")
    public HoldDto getHold(@PathParam("id") String id) {
        return HoldDto.of(holds.get(id));
    }

    @DELETE
    @Path("holds/{id}")
    public void releaseHold(@PathParam("id") String id) {
        holds.release(id);
    }

    @POST
    @Path("holds/{id}/checkout")
    @Operation(summary = "Pay for a hold's seats: the order, the payment and the sold tickets commit together")
    public Response checkout(@PathParam("id") String id, PaymentRequest payment, @Context UriInfo uri) {
        return created(uri, purchases.checkout(id, Requests.body(payment)));
    }

    @POST
    @Path("purchases")
    @Operation(summary = "Choose and pay in one step (all or nothing)")
    public Response purchase(PurchaseRequest request, @Context UriInfo uri) {
        PurchaseRequest r = Requests.body(request);
        return created(uri, purchases.purchase(r.seatRequest(), r.payment()));
    }

    @POST
    @Path("seller-orders")
    @Operation(summary = "A seller's system submits a purchase order for its own stock, paid by the buyer's card")
    public Response sellerOrder(SellerOrderRequest request, @Context UriInfo uri) {
        SellerOrderRequest r = Requests.body(request);
        SalesOrder order = purchases.sellerOrder(r.seatRequest(), r.buyer(), r.payment());
        return Requests.created(uri, OrderDto.of(order, false), "orders/{id}", order.getId());
    }

    @GET
    @Path("orders")
    public PageDto<OrderDto> myOrders(@QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                      @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size,
                                      @Context SecurityContext security) {
        return PageDto.of(orders.list(Requests.page(page), Requests.size(size)), o -> dto(o, security));
    }

    @GET
    @Path("orders/{id}")
    public OrderDto order(@PathParam("id") Long id, @Context SecurityContext security) {
        return dto(orders.get(id), security);
    }

    @GET
    @Path("downloads/{token}")
    @Operation(summary = "The download of an order's tickets: refused before the window opens and after it closes")
    public DownloadDto download(@PathParam("token") String token) {
        SalesOrder o = orders.forDownload(token, Instant.now());
        return new DownloadDto(o.getNumber(), "OPEN", o.getDownloadOpensAt().toString(), o.getDownloadClosesAt().toString(),
                o.getLines().stream().map(LineDto::of).toList());
    }

    @GET
    @Path("wallet")
    public WalletDto wallet() {
        WalletService.Balance b = wallet.balance();
        return new WalletDto(b.eMoney(), b.points(), b.recent().stream().map(LedgerEntryDto::of).toList());
    }

    @POST
    @Path("wallet/top-ups")
    @Operation(summary = "Buy e-money with a card")
    public WalletDto topUp(TopUpRequest request) {
        TopUpRequest r = Requests.body(request);
        if (r.amount() == null) {
            throw new ValidationException("amount is required (minor units)");
        }
        wallet.topUp(r.amount(), r.cardNumber(), r.expiryMonth(), r.expiryYear(), r.cvc(), r.cardHolder());
        return wallet();
    }

    @GET
    @Path("wallet/points")
    public List<LedgerEntryDto> points() {
        return wallet.points().stream().map(LedgerEntryDto::of).toList();
    }

    @GET
    @Path("sales-journal")
    @Operation(summary = "Sales journal (C35): an organizer sees its events' sales, a seller its own")
    public JournalDto salesJournal(@QueryParam("performanceId") String performanceId, @QueryParam("sellerId") String sellerId,
                                   @QueryParam("page") @DefaultValue(Requests.DEFAULT_PAGE) String page,
                                   @QueryParam("size") @DefaultValue(Requests.DEFAULT_SIZE) String size) {
        SalesJournalService.Result r = salesJournal.list(Requests.optionalId("performanceId", performanceId),
                Requests.optionalId("sellerId", sellerId), Requests.page(page), Requests.size(size));
        return new JournalDto(r.page().items().stream().map(JournalEntryDto::of).toList(), r.page().total(),
                r.page().page(), r.page().size(), r.totalAmount());
    }

    @GET
    @Path("sales-terms/{eventId}")
    public TermsDto getTerms(@PathParam("eventId") Long eventId) {
        return TermsDto.of(terms.get(eventId));
    }

    @PUT
    @Path("sales-terms/{eventId}")
    @Operation(summary = "Set when the download window opens after a purchase (0 = immediate) and how long it stays open")
    public TermsDto setTerms(@PathParam("eventId") Long eventId, TermsRequest request) {
        TermsRequest r = Requests.body(request);
        return TermsDto.of(terms.set(eventId, r.downloadDelayMinutes(), r.downloadWindowMinutes()));
    }

    @GET
    @Path("memberships")
    public List<MemberDto> memberships() {
        return memberships.list().stream().map(MemberDto::of).toList();
    }

    @POST
    @Path("memberships")
    @Operation(summary = "A customer applies for membership with a seller (fan club)")
    public Response apply(MembershipRequest request, @Context UriInfo uri) {
        MemberDto m = MemberDto.of(memberships.apply(Requests.body(request).sellerId()));
        return Requests.created(uri, m, "memberships/{id}", m.id());
    }

    @POST
    @Path("memberships/{id}/registration")
    @Operation(summary = "The seller registers a membership application")
    public MemberDto register(@PathParam("id") Long id) {
        return MemberDto.of(memberships.register(id));
    }

    @POST
    @Path("memberships/{id}/refusal")
    @Operation(summary = "The seller refuses a membership application, saying why")
    public MemberDto refuse(@PathParam("id") Long id, ReasonRequest request) {
        return MemberDto.of(memberships.refuse(id, Requests.body(request).reason()));
    }

    @POST
    @Path("memberships/{id}/withdrawal")
    @Operation(summary = "The customer withdraws a membership application not yet decided")
    public MemberDto withdraw(@PathParam("id") Long id) {
        return MemberDto.of(memberships.withdraw(id));
    }

    @GET
    @Path("sales-reconciliation")
    @Operation(summary = "Orders against the acquirer's captures, the wallets and the sales journal (platform admin)")
    public SalesReconciliation.Totals reconciliation() {
        return reconciliation.totals();
    }

    /** A customer's own order. */
    private static Response created(UriInfo uri, SalesOrder order) {
        return Requests.created(uri, OrderDto.of(order, true), "orders/{id}", order.getId());
    }

    /**
     * The center's customer id only for the buyer and the platform: to a seller it would tell which
     * e-mails belong to registered customers, and join its API orders to the same buyer's portal orders.
     */
    private static OrderDto dto(SalesOrder order, SecurityContext security) {
        return OrderDto.of(order, security.isUserInRole(Roles.CUSTOMER) || security.isUserInRole(Roles.PLATFORM_ADMIN));
    }
}
