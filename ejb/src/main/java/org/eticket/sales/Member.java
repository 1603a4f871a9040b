package org.eticket.sales;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.eticket.platform.InstantConverter;
import org.eticket.allocation.Seller;
import org.eticket.platform.Identified;

/**
 * The membership master (C10, Fig 13): a customer applies with a seller (fan club); the
 * seller registers the application and the member gets a membership number, or refuses it
 * with a reason; the customer may withdraw an application still waiting, and apply again
 * after a refusal or a withdrawal (the same row, so a customer has one entry per seller).
 * Issuing the IC card as a membership card comes with the chip issue.
 */
// Not in the shared cache: another instance changes it, and a stale copy here would grant or refuse wrongly.
@Cacheable(false)
@Entity
@Table(uniqueConstraints = {@UniqueConstraint(name = "MEMBER_ONCE", columnNames = {"SELLER_ID", "CUSTOMER_ID"}),
        @UniqueConstraint(name = "MEMBER_NUMBER", columnNames = {"SELLER_ID", "MEMBERSHIPNUMBER"})})
public class Member extends Identified {

    public enum Status { APPLIED, REGISTERED, REFUSED, WITHDRAWN }

    @ManyToOne(optional = false)
    private Seller seller;

    @ManyToOne(optional = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status = Status.APPLIED;

    /** Given at registration; unique within the seller. */
    @Column(length = 48)
    private String membershipNumber;

    @Column(nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant appliedAt;

    @Convert(converter = InstantConverter.class)
    private Instant registeredAt;

    /** Why the seller refused the application; null unless REFUSED. */
    @Column(length = 200)
    private String refusal;

    /** When the application was refused or withdrawn. */
    @Convert(converter = InstantConverter.class)
    private Instant closedAt;

    protected Member() {
    }

    Member(Seller seller, Customer customer, Instant appliedAt) {
        this.seller = seller;
        this.customer = customer;
        this.appliedAt = appliedAt;
    }

    void register(String number, Instant at) {
        this.membershipNumber = number;
        this.status = Status.REGISTERED;
        this.registeredAt = at;
    }

    void refuse(String reason, Instant at) {
        this.status = Status.REFUSED;
        this.refusal = reason;
        this.closedAt = at;
    }

    void withdraw(Instant at) {
        this.status = Status.WITHDRAWN;
        this.closedAt = at;
    }

    /** A refused or withdrawn application made again. */
    void reapply(Instant at) {
        this.status = Status.APPLIED;
        this.appliedAt = at;
        this.refusal = null;
        this.closedAt = null;
    }

    /** Refused or withdrawn: the customer may apply again. */
    public boolean isClosed() {
        return status == Status.REFUSED || status == Status.WITHDRAWN;
    }

    public Seller getSeller() { return seller; }

    public Customer getCustomer() { return customer; }

    public Status getStatus() { return status; }

    public String getMembershipNumber() { return membershipNumber; }

    public Instant getAppliedAt() { return appliedAt; }

    public Instant getRegisteredAt() { return registeredAt; }

    public String getRefusal() { return refusal; }

    public Instant getClosedAt() { return closedAt; }
}
