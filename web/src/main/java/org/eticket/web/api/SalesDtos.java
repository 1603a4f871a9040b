package org.eticket.web.api;

import java.util.List;
import org.eticket.journal.JournalEntry;
import org.eticket.payment.LedgerEntry;
import org.eticket.sales.HoldService;
import org.eticket.sales.Member;
import org.eticket.sales.Offer;
import org.eticket.sales.OrderLine;
import org.eticket.sales.PaymentRequest;
import org.eticket.sales.PurchaseService;
import org.eticket.sales.SalesOrder;
import org.eticket.sales.SalesTerms;
import org.eticket.sales.SeatRequest;
import org.eticket.sales.ShopService;

/** The selling API's bodies (C11-C14, C35). Money is always integer minor units of {@code currency}. */
public final class SalesDtos {

    private SalesDtos() {
    }

    /** Named seats, or {@code seatType} + {@code quantity} for the best seats side by side, and how to pay. */
    public record PurchaseRequest(Long performanceId, Long sellerId, List<String> seats, String seatType, Integer quantity,
                           Integer holdSeconds, PaymentRequest payment) {
        SeatRequest seatRequest() {
            return new SeatRequest(performanceId, sellerId, seats, seatType, quantity);
        }
    }

    /** {@code sellerId} may be left out (the caller's own stock); naming another seller is refused. */
    public record SellerOrderRequest(Long performanceId, Long sellerId, List<String> seats, String seatType, Integer quantity,
                              PurchaseService.Buyer buyer, PaymentRequest payment) {
        SeatRequest seatRequest() {
            return new SeatRequest(performanceId, sellerId, seats, seatType, quantity);
        }
    }

    public record TopUpRequest(Long amount, String cardNumber, Integer expiryMonth, Integer expiryYear, String cvc, String cardHolder) {
    }

    public record TermsRequest(Integer downloadDelayMinutes, Integer downloadWindowMinutes) {
    }

    public record MembershipRequest(Long sellerId) {
    }

    public record SeatDto(Long ticketId, String seat, int row, int column, String seatType, Long price, String currency,
                   boolean available) {
        static SeatDto of(Offer o) {
            return new SeatDto(o.ticketId(), o.seat(), o.row(), o.column(), o.seatType(), o.price(), o.currency(),
                    o.state().isAvailable());
        }
    }

    public record HoldDto(String id, Long performanceId, Long sellerId, String until, List<SeatDto> seats, long total, String currency) {
        static HoldDto of(HoldService.HoldView v) {
            return new HoldDto(v.hold().getId(), v.hold().getPerformance().getId(), v.hold().getSeller().getId(),
                    v.hold().getUntil().toString(), v.seats().stream().map(SeatDto::of).toList(), v.total(), v.currency());
        }
    }

    public record LineDto(Long ticketId, String seat, String seatType, long price) {
        static LineDto of(OrderLine l) {
            return new LineDto(l.getTicketId(), l.getSeat(), l.getSeatType(), l.getPrice());
        }
    }

    /** An order with its buyer identification (001 claim 9) and download window (Fig 15). */
    public record OrderDto(Long id, String number, String channel, String status, Long buyerId, String buyerName, Long sellerId,
                    String sellerName, Long performanceId, String orderedAt, String contents, long total, String currency,
                    long pointsUsed, long eMoneyPaid, long cardPaid, String cardLastFour, long pointsEarned,
                    String downloadOpensAt, String downloadClosesAt, List<LineDto> lines) {
        /** With the center's customer id only when {@code buyerId} (the buyer's and the platform's view). */
        static OrderDto of(SalesOrder o, boolean buyerId) {
            return new OrderDto(o.getId(), o.getNumber(), o.getChannel().name(), o.getStatus().name(),
                    buyerId ? o.getBuyer().getId() : null,
                    o.getBuyerName(), o.getSeller().getId(), o.getSeller().getName(), o.getPerformance().getId(),
                    o.getOrderedAt().toString(), o.getContents(), o.getTotal(), o.getCurrency(), o.getPointsUsed(),
                    o.getEMoneyPaid(), o.getCardPaid(), o.getCardLastFour(), o.getPointsEarned(),
                    o.getDownloadOpensAt().toString(), o.getDownloadClosesAt().toString(),
                    o.getLines().stream().map(LineDto::of).toList());
        }
    }

    public record LedgerEntryDto(Long id, String at, long amount, String reason, Long orderId) {
        static LedgerEntryDto of(LedgerEntry e) {
            return new LedgerEntryDto(e.getId(), e.getAt().toString(), e.getAmount(), e.getReason().name(), e.getOrderId());
        }
    }

    public record WalletDto(long eMoney, long points, List<LedgerEntryDto> recent) {
    }

    public record JournalEntryDto(Long id, String at, String kind, Long ticketId, Long performanceId, Long sellerId, Long orderId,
                           long amount, String currency, String actor, String detail) {
        static JournalEntryDto of(JournalEntry j) {
            return new JournalEntryDto(j.getId(), j.getAt().toString(), j.getKind().name(), j.getTicketId(),
                    j.getPerformanceId(), j.getSellerId(), j.getOrderId(), j.getAmount(), j.getCurrency(), j.getActor(),
                    j.getDetail());
        }
    }

    public record JournalDto(List<JournalEntryDto> items, long total, int page, int size, long totalAmount) {
    }

    public record MemberDto(Long id, Long sellerId, String sellerName, Long customerId, String customerName, String status,
                     String membershipNumber, String appliedAt, String refusal, String closedAt) {
        static MemberDto of(Member m) {
            return new MemberDto(m.getId(), m.getSeller().getId(), m.getSeller().getName(), m.getCustomer().getId(),
                    m.getCustomer().getName(), m.getStatus().name(), m.getMembershipNumber(), m.getAppliedAt().toString(),
                    m.getRefusal(), m.getClosedAt() == null ? null : m.getClosedAt().toString());
        }
    }

    public record TermsDto(Long eventId, int downloadDelayMinutes, int downloadWindowMinutes) {
        static TermsDto of(SalesTerms t) {
            return new TermsDto(t.getEventId(), t.getDownloadDelayMinutes(), t.getDownloadWindowMinutes());
        }
    }

    public record SellerStockDto(Long sellerId, String code, String name, String kind, long available) {
        static SellerStockDto of(ShopService.SellerStock s) {
            return new SellerStockDto(s.seller().getId(), s.seller().getCode(), s.seller().getName(),
                    s.seller().getKind().name(), s.available());
        }
    }

    public record DownloadDto(String order, String status, String opensAt, String closesAt, List<LineDto> tickets) {
    }
}
