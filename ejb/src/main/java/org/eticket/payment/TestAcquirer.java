package org.eticket.payment;

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
 * acquirer's books do not roll back with the merchant's sale; except {@link #captureWithin},
 * which joins the sale's transaction so that the capture commits exactly with the sale.
 */
@Stateless
@Local(PaymentGateway.class)
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TestAcquirer implements PaymentGateway {

    @PersistenceContext
    EntityManager em;

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
        String reference = "AUTH-" + UUID.randomUUID();
        String token = token(card.number());
        em.persist(new AcquirerTransaction(reference.substring(0, Math.min(40, reference.length())), token,
                card.number().lastFour(), outcome, amount, currency, description, Instant.now()));
        if (outcome == PaymentOutcome.TIMEOUT) {
            pause();
        }
        return new Authorization(outcome, reference.substring(0, Math.min(40, reference.length())), token,
                card.number().lastFour(), amount);
    }

    @Override
    public void capture(String reference, long amount) {
        find(reference).capture(amount, Instant.now());
    }

    /** One conditional UPDATE in the sale's transaction; rolled back with the sale, and the caller then voids. */
    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean captureWithin(String reference, long amount) {
        if (amount <= 0) {
            throw new IllegalStateException("capture of " + amount + " is not positive");
        }
        int n = em.createQuery("update AcquirerTransaction a set a.status = :captured, a.captured = :amount,"
                        + " a.changedAt = :at, a.version = a.version + 1"
                        + " where a.reference = :r and a.status = :authorized and a.amount >= :amount")
                .setParameter("captured", AcquirerTransaction.Status.CAPTURED).setParameter("amount", amount)
                .setParameter("at", Instant.now()).setParameter("r", reference)
                .setParameter("authorized", AcquirerTransaction.Status.AUTHORIZED).executeUpdate();
        if (n != 1) {
            throw new IllegalStateException("authorization " + reference + " cannot be captured for " + amount
                    + " (unknown, not authorized, or for less)");
        }
        return true;
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
