package org.eticket.web.shop;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eticket.payment.LedgerEntry;
import org.eticket.payment.PaymentRefusedException;
import org.eticket.payment.WalletService;
import org.eticket.sales.OrderService;
import org.eticket.sales.SalesOrder;

/**
 * The customer's wallet: e-money balance and its movements (the ledger: every movement, the
 * balance derived from them), reward points and theirs, and a top-up of e-money paid by card.
 * A refused card changes nothing; card fields live only for the request.
 */
@Named
@ViewScoped
public class WalletView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The wallet's currency: the top-up is charged in it (WalletService). */
    static final String CURRENCY = "JPY";

    /** A movement with the balance right after it, as a bank statement shows it. */
    public record Movement(LedgerEntry entry, long balanceAfter) {
    }

    @EJB
    WalletService wallet;

    @EJB
    OrderService orders;

    @Inject
    ShopFormat format;

    private Long amount;
    private final CardEntry cardEntry = new CardEntry();

    private transient WalletService.Balance balance;
    private transient List<LedgerEntry> points;
    private transient Map<Long, String> orderNumbers;

    public WalletService.Balance getBalance() {
        if (balance == null) {
            balance = wallet.balance();
        }
        return balance;
    }

    /** E-money movements, newest first, each with the balance after it (worked back from today's balance). */
    public List<Movement> getEMoneyMovements() {
        return statement(getBalance().recent(), getBalance().eMoney());
    }

    public List<Movement> getPointsMovements() {
        if (points == null) {
            points = wallet.points();
        }
        return statement(points, getBalance().points());
    }

    private static List<Movement> statement(List<LedgerEntry> newestFirst, long current) {
        List<Movement> rows = new ArrayList<>(newestFirst.size());
        long after = current;
        for (LedgerEntry e : newestFirst) {
            rows.add(new Movement(e, after));
            after -= e.getAmount();
        }
        return rows;
    }

    /** What a movement was, in the buyer's words. */
    public String describe(LedgerEntry e) {
        String order = e.getOrderId() == null ? "" : " " + orderNumber(e.getOrderId());
        return switch (e.getReason()) {
            case TOP_UP -> "Top-up by card";
            case PURCHASE -> "Paid for order" + order;
            case EARNED -> "Earned on order" + order;
            case REFUND -> "Refund of order" + order;
        };
    }

    /** A signed amount: "+5,000 JPY", "-35,900 JPY". */
    public String signedMoney(long minor) {
        return (minor > 0 ? "+" : minor < 0 ? "-" : "") + format.money(Math.abs(minor), CURRENCY);
    }

    public String signedPoints(long n) {
        return (n > 0 ? "+" : "") + n;
    }

    private String orderNumber(Long orderId) {
        if (orderNumbers == null) {
            orderNumbers = orders.mine(0, 100).items().stream()
                    .collect(Collectors.toMap(SalesOrder::getId, SalesOrder::getNumber, (a, b) -> a));
        }
        return orderNumbers.getOrDefault(orderId, "");
    }

    public String getCurrency() {
        return CURRENCY;
    }

    public long getMaxTopUp() {
        return WalletService.MAX_TOP_UP;
    }

    /** Buys e-money with the card; says plainly what happened and that a refusal charged nothing. */
    public void topUp() {
        try {
            if (amount == null || amount < 1 || amount > WalletService.MAX_TOP_UP) {
                Messages.warn("A top-up is from " + format.money(1L, CURRENCY) + " to " + format.money(WalletService.MAX_TOP_UP, CURRENCY)
                        + (amount == null ? "; enter the amount to add." : ", not " + format.money(amount, CURRENCY) + ".")
                        + " Nothing was charged.");
                return;
            }
            long before = getBalance().eMoney();
            wallet.topUp(amount, cardEntry.getNumber(), cardEntry.getExpiryMonth(), cardEntry.getExpiryYear(),
                    cardEntry.getCvc(), cardEntry.getHolder());
            balance = null;
            Messages.info(format.money(amount, CURRENCY) + " added to your e-money (card ending "
                    + cardEntry.lastFour() + "). Your balance was " + format.money(before, CURRENCY) + " and is now "
                    + format.money(getBalance().eMoney(), CURRENCY) + ".");
            amount = null;
        } catch (RuntimeException e) {
            Messages.show(e);
            balance = null;
            if (Messages.cause(e) instanceof PaymentRefusedException) {
                Messages.info("Nothing was charged; your e-money balance stays " + format.money(getBalance().eMoney(), CURRENCY)
                        + ". Try another card.");
            }
        } finally {
            cardEntry.forget();
        }
    }

    public Long getAmount() { return amount; }

    public void setAmount(Long amount) { this.amount = amount; }

    public CardEntry getCardEntry() { return cardEntry; }
}
