package org.eticket.payment;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;

/**
 * The built-in test acquirer behind {@link PaymentGateway}: answers by the documented
 * {@link TestCards} numbers. Each call is its own transaction (REQUIRES_NEW) because an
 * acquirer's books do not roll back with the merchant's sale; except for a sale's approval
 * ({@link #authorizeForSale}), which is written by the sale's own transaction, already
 * captured, or voided when the sale fails.
 */
@Stateless
@Local(PaymentGateway.class)
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TestAcquirer implements PaymentGateway {

    @PersistenceContext
    EntityManager em;

    /** This bean through the container, so a refusal is written in a transaction of its own. */
    @EJB
    TestAcquirer self;

    /** How long the time-out card keeps the caller waiting before it gives up. */
    @Inject
    @ConfigProperty(name = "eticket.payment.timeout-millis", defaultValue = "1000")
    long timeoutMillis;

    /** Salt of the card token, so tokens cannot be matched against a list of numbers. */
    @Inject
    @ConfigProperty(name = "eticket.payment.token-salt", defaultValue = "test-acquirer")
    String tokenSalt;

    @Override
    public Authorization authorize(Card card, long amount, String currency, String description) {
        if (amount <= 0) {
            throw new IllegalArgumentException("an authorization needs a positive amount, not " + amount);
        }
        PaymentOutcome outcome = TestCards.outcomeFor(card.number());
        String reference = reference();
        String token = token(card.number());
        em.persist(new AcquirerTransaction(reference, token, card.number().lastFour(), outcome, amount, currency, description,
                Instant.now()));
        if (outcome == PaymentOutcome.TIMEOUT) {
            pause();
        }
        return new Authorization(outcome, reference, token, card.number().lastFour(), amount, currency, description, true);
    }

    @Override
    public void capture(String reference, long amount) {
        find(reference).capture(amount, Instant.now());
    }

    /**
     * An approval is not written here: the sale's transaction writes it already captured
     * ({@link #captureWithin}), or the void writes it voided. The acquirer's books are this
     * database, so a crash before the sale commits leaves neither a sale nor a charge. Refusals
     * and time-outs are written at once, in a transaction of their own, as {@link #authorize} does.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Authorization authorizeForSale(Card card, long amount, String currency, String description) {
        PaymentOutcome outcome = TestCards.outcomeFor(card.number());
        if (outcome != PaymentOutcome.APPROVED || amount <= 0) {
            return self.authorize(card, amount, currency, description);
        }
        return new Authorization(outcome, reference(), token(card.number()), card.number().lastFour(), amount, currency,
                description, false);
    }

    /** In the sale's transaction: one INSERT of the captured authorization, or one conditional UPDATE if it was recorded. */
    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean captureWithin(Authorization a, long amount) {
        if (amount <= 0 || amount > a.amount()) {
            throw new IllegalStateException("capture of " + amount + " outside the authorized " + a.amount());
        }
        Instant now = Instant.now();
        if (!a.recorded()) {
            AcquirerTransaction t = new AcquirerTransaction(a.reference(), a.cardToken(), a.lastFour(), a.outcome(), a.amount(),
                    a.currency(), a.description(), now);
            t.capture(amount, now);
            em.persist(t);
            return true;
        }
        int n = em.createQuery("update AcquirerTransaction a set a.status = :captured, a.captured = :amount,"
                        + " a.changedAt = :at, a.version = a.version + 1"
                        + " where a.reference = :r and a.status = :authorized and a.amount >= :amount")
                .setParameter("captured", AcquirerTransaction.Status.CAPTURED).setParameter("amount", amount)
                .setParameter("at", now).setParameter("r", a.reference())
                .setParameter("authorized", AcquirerTransaction.Status.AUTHORIZED).executeUpdate();
        if (n != 1) {
            throw new IllegalStateException("authorization " + a.reference() + " cannot be captured for " + amount
                    + " (unknown, not authorized, or for less)");
        }
        return true;
    }

    /** The sale failed: an approval not yet written is written voided (in its own transaction, like every void). */
    @Override
    public void voidAuthorization(Authorization a) {
        if (a.recorded()) {
            voidAuthorization(a.reference());
            return;
        }
        Instant now = Instant.now();
        AcquirerTransaction t = new AcquirerTransaction(a.reference(), a.cardToken(), a.lastFour(), a.outcome(), a.amount(),
                a.currency(), a.description(), now);
        t.voidIt(now);
        em.persist(t);
    }

    @Override
    public void voidAuthorization(String reference) {
        find(reference).voidIt(Instant.now());
    }

    @Override
    public void refund(String reference, long amount) {
        find(reference).refund(amount, Instant.now());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AcquirerTransaction get(String reference) {
        return find(reference);
    }

    /** Totals of the acquirer's books: [authorized open, captured less refunded, voided count]. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AcquirerTransaction> all() {
        return em.createQuery("select a from AcquirerTransaction a order by a.id", AcquirerTransaction.class).getResultList();
    }

    private AcquirerTransaction find(String reference) {
        return em.createQuery("select a from AcquirerTransaction a where a.reference = :r", AcquirerTransaction.class)
                .setParameter("r", reference).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("no authorization " + reference));
    }

    private static String reference() {
        String reference = "AUTH-" + UUID.randomUUID();
        return reference.substring(0, Math.min(40, reference.length()));
    }

    private String token(CardNumber number) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((tokenSalt + ":" + number.digits()).getBytes(StandardCharsets.UTF_8));
            return "tok_" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.max(0, timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException(PaymentOutcome.TIMEOUT.reason());
        }
    }
}
