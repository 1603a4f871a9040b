package org.eticket.payment;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eticket.platform.ValidationException;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/** A customer's e-money wallet and points, as seen by the customer: balance, history, top-up by card. */
@Stateless
@RolesAllowed(Roles.CUSTOMER)
public class WalletService {

    /** Largest single top-up, in minor units: a limit against typos, like real wallets have. */
    public static final long MAX_TOP_UP = 1_000_000;

    public record Balance(long eMoney, long points, List<LedgerEntry> recent) {
    }

    @EJB
    LedgerService ledger;

    @EJB
    PaymentGateway gateway;

    @EJB
    AccessService access;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "eticket.zone", defaultValue = "Asia/Tokyo")
    String zone;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Balance balance() {
        Long me = me();
        return new Balance(ledger.balance(me, LedgerAccount.Kind.E_MONEY), ledger.balance(me, LedgerAccount.Kind.POINTS),
                ledger.entries(me, LedgerAccount.Kind.E_MONEY));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LedgerEntry> points() {
        return ledger.entries(me(), LedgerAccount.Kind.POINTS);
    }

    /**
     * Buys e-money with a card: authorized, credited, captured; if the top-up does not commit, the
     * money goes back. The card's expiry is judged by the platform's clock and zone, as a purchase's is.
     */
    public LedgerEntry topUp(long amount, String cardNumber, Integer expiryMonth, Integer expiryYear, String cvc,
                             String cardHolder) {
        if (amount <= 0 || amount > MAX_TOP_UP) {
            throw new ValidationException("a top-up is 1 to " + MAX_TOP_UP + " minor units, was " + amount);
        }
        Card card = Card.of(cardNumber, expiryMonth, expiryYear, cvc, cardHolder, YearMonth.now(ZoneId.of(zone)));
        Long me = me();
        Authorization auth = gateway.authorize(card, amount, "JPY", "e-money top-up");
        AfterRollback undo = auth.outcome() == PaymentOutcome.APPROVED || auth.outcome() == PaymentOutcome.TIMEOUT
                ? AfterRollback.undo(transactions, gateway, auth.reference(), amount) : null;
        if (!auth.approved()) {
            throw new PaymentRefusedException(auth.outcome(), "top-up refused: " + auth.outcome().reason());
        }
        LedgerEntry e = ledger.credit(me, LedgerAccount.Kind.E_MONEY, amount, LedgerEntry.Reason.TOP_UP, null, auth.reference());
        gateway.capture(auth.reference(), amount);
        undo.captured();
        return e;
    }

    private Long me() {
        return access.caller().partyId();
    }
}
