package org.eticket.payment;

import org.eticket.platform.RandomId;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.eticket.sales.Customer;

/**
 * A customer's e-money wallet or reward-points account. It holds no balance (the balance is
 * the sum of its {@link LedgerEntry}s); the row is what a spend locks, so two spends of one
 * account never both see the same balance, on any number of instances.
 */
// Not in the shared cache, and read by id where it can (LedgerAccounts.idOf). A customer's first
// purchases at once open the account and use it at the same moment; EclipseLink, putting the new
// account into its shared cache, now and then left its cache lock held for good, and every later
// purchase of the customer waited forever holding its seats' row locks (2 of 54 customers' races
// of org.eticket.bench.FirstPurchaseRace; still 1 of 600 read only by id; none of 1,200 uncached).
@Cacheable(false)
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "LEDGER_ACCOUNT_OWNER", columnNames = {"CUSTOMER_ID", "KIND"}))
public class LedgerAccount {

    /** Drawn at random ({@link RandomId}): concurrent writers never queue for an id. */
    @Id
    private Long id = RandomId.next();

    @Version
    private long version;


    public enum Kind {
        /** E-money, in minor units of the platform currency. */
        E_MONEY,
        /** Reward points; one point pays one minor unit. */
        POINTS
    }

    @ManyToOne(optional = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    protected LedgerAccount() {
    }

    LedgerAccount(Customer customer, Kind kind) {
        this.customer = customer;
        this.kind = kind;
    }

    public Customer getCustomer() { return customer; }

    public Kind getKind() { return kind; }

    public Long getId() { return id; }
}
