package org.eticket.sales;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.Instant;
import org.eticket.platform.RandomId;
import org.eticket.platform.InstantConverter;

/**
 * The time-lagged download notice of an order (Fig 15, S1503), queued in the purchase's
 * transaction and mailed after it commits: a notice exists exactly when the sale does, and
 * no mail is ever sent for a sale that rolled back. Not in the shared cache: senders claim
 * and mark notices by bulk UPDATEs, which would otherwise walk every cached notice.
 */
@Cacheable(false)
@Entity
public class DownloadNotice {

    @Id
    private Long id = RandomId.next();

    @Column(nullable = false)
    private Long orderId;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 200)
    private String subject;

    @Lob
    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    /** When a sender may (next) take it; a sender claims it by moving this forward. */
    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant nextAttemptAt;

    private int attempts;

    /** The claim of the sender that holds it now (a sender's batch is read back by it). */
    @Column(length = 36)
    private String claimToken;

    @Convert(converter = InstantConverter.class)
    private Instant sentAt;

    @Column(length = 300)
    private String lastError;

    protected DownloadNotice() {
    }

    DownloadNotice(Long orderId, String recipient, String subject, String body, Instant at) {
        this.orderId = orderId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = at;
        this.nextAttemptAt = at;
    }

    public Long getId() { return id; }

    public Long getOrderId() { return orderId; }

    public String getRecipient() { return recipient; }

    public String getSubject() { return subject; }

    public String getBody() { return body; }

    public Instant getCreatedAt() { return createdAt; }

    public int getAttempts() { return attempts; }

    public Instant getSentAt() { return sentAt; }

    public String getLastError() { return lastError; }
}
