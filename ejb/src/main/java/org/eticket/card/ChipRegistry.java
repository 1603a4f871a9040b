package org.eticket.card;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import org.eticket.allocation.Seller;
import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.MasterKey;
import org.eticket.journal.Journal;
import org.eticket.keys.KeyService;
import org.eticket.platform.AccessDeniedException;
import org.eticket.platform.ConflictException;
import org.eticket.platform.NotFoundException;
import org.eticket.platform.Page;
import org.eticket.platform.Strings;
import org.eticket.platform.ValidationException;
import org.eticket.sales.Customer;
import org.eticket.sales.Member;
import org.eticket.sales.Store;
import org.eticket.security.AccessService;
import org.eticket.security.AccessService.Caller;
import org.eticket.security.Roles;

/**
 * The chip registry (C10, C14, C21). The platform personalizes blank chips; a seller or store
 * issues one to a customer (a seller's membership card, C10); the holder, the issuer or the
 * platform reports it lost; the issuer or the platform blocks it. Only an ACTIVE chip receives
 * tickets. Each seller and store sees and manages the chips it issued, each customer their own.
 */
@Stateless
public class ChipRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Who gets a chip: UID as read from the card, the customer (by ID and the e-mail the customer
     * gives at the counter), and the membership number when it is a membership card.
     */
    public record Registration(String uid, Long customerId, String email, String membershipNumber) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AccessService access;

    @EJB
    KeyService keys;

    @EJB
    Journal journal;

    /**
     * Personalizes a blank chip: a fresh UID no chip has yet, and its keys derived from the current
     * master key, for the personalization station (or the emulator) to load. The keys are
     * returned once and never stored.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public ChipPersonalizationData personalize() {
        MasterKey master = keys.masterKeyRing().current();
        ChipUid uid;
        do {
            uid = ChipUid.random(RANDOM);
        } while (personalized(uid.toString()) != null);
        em.persist(new PersonalizedChip(uid.toString(), master.version(), Instant.now()));
        em.flush();
        return ChipPersonalizationData.of(uid, master.chipKeys(uid));
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE})
    public Chip register(Registration registration) {
        if (registration == null) {
            throw new ValidationException("registration data is required");
        }
        String uid = uid(registration.uid());
        PersonalizedChip chip = personalized(uid);
        if (chip == null) {
            throw new NotFoundException("chip " + uid + " was not personalized by this platform");
        }
        if (find(uid) != null) {
            throw new ConflictException("chip " + uid + " is already registered");
        }
        Customer holder = registration.customerId() == null ? null : em.find(Customer.class, registration.customerId());
        Caller caller = access.caller();
        // A seller or store identifies the customer at its counter by ID and e-mail together: customer
        // IDs run in sequence, so the ID alone would let any issuer bind cards to, and learn the name
        // of, every customer. A wrong e-mail answers as an unknown ID does.
        String email = Strings.optional("email", registration.email(), 254);
        if (!caller.isAdmin() && email == null) {
            throw new ValidationException("email is required: the customer's e-mail, as the customer gives it, with the customer ID");
        }
        if (holder != null && !caller.isAdmin() && !holder.getEmail().equalsIgnoreCase(email.strip())) {
            holder = null;
        }
        if (holder == null) {
            throw new NotFoundException(caller.isAdmin() ? "customer " + registration.customerId() + " does not exist"
                    : "no customer " + registration.customerId() + " with e-mail " + email.strip());
        }
        String membership = Strings.optional("membershipNumber", registration.membershipNumber(), 24);
        Seller seller = caller.is(Roles.SELLER) ? em.find(Seller.class, caller.partyId()) : null;
        Store store = caller.is(Roles.STORE) ? em.find(Store.class, caller.partyId()) : null;
        if (!caller.isAdmin() && seller == null && store == null) {
            throw new AccessDeniedException("this login acts for no seller or store");
        }
        if (membership != null && seller == null) {
            throw new ValidationException("only a seller issues a chip as a membership card");
        }
        if (membership != null) {
            requireMembership(seller, holder, membership);
        }
        Chip registered = new Chip(uid, chip.getKeyVersion(), holder, seller, store, membership, Instant.now());
        em.persist(registered);
        em.flush();
        journal.chipChanged(registered.getRegisteredAt(), uid, null, registered.getState().name(),
                "registered to customer " + holder.getId() + (seller != null ? " by seller " + seller.getCode()
                        : store != null ? " by store " + store.getCode() : " by the platform")
                        + (membership == null ? "" : " as membership card " + membership));
        return registered;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public Chip get(Long id) {
        Chip chip = id == null ? null : em.find(Chip.class, id);
        if (chip == null) {
            throw new NotFoundException("chip " + id + " does not exist");
        }
        access.checkChip(chip);
        return chip;
    }

    /** The caller's chips: a customer's own, a seller's or store's issued ones, all for the platform (optionally one customer's). */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public Page<Chip> search(Long customerId, int page, int size) {
        Page.check(page, size);
        Caller c = access.caller();
        String where;
        Long party;
        if (c.isAdmin()) {
            where = customerId == null ? "" : " where c.holder.id = :p";
            party = customerId;
        } else if (c.is(Roles.CUSTOMER)) {
            where = " where c.holder.id = :p";
            party = c.partyId();
        } else {
            where = (c.is(Roles.SELLER) ? " where c.issuedBySeller.id = :p" : " where c.issuedByStore.id = :p")
                    + (customerId == null ? "" : " and c.holder.id = :h");
            party = c.partyId();
        }
        var count = em.createQuery("select count(c) from Chip c" + where, Long.class);
        var items = em.createQuery("select c from Chip c" + where + " order by c.id desc", Chip.class);
        if (!where.isEmpty()) {
            count.setParameter("p", party);
            items.setParameter("p", party);
        }
        if (where.contains(":h")) {
            count.setParameter("h", customerId);
            items.setParameter("h", customerId);
        }
        return new Page<>(items.setFirstResult(page * size).setMaxResults(size).getResultList(),
                count.getSingleResult(), page, size);
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public Chip reportLost(Long id, String reason) {
        Chip chip = locked(id);
        String from = chip.getState().name();
        chip.reportLost(Strings.optional("reason", reason, 200), Instant.now());
        journal.chipChanged(chip.getStateChangedAt(), chip.getUid(), from, chip.getState().name(), chip.getStateReason());
        return chip;
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE})
    public Chip block(Long id, String reason) {
        Chip chip = locked(id);
        String from = chip.getState().name();
        chip.block(Strings.required("reason", reason, 200), Instant.now());
        journal.chipChanged(chip.getStateChangedAt(), chip.getUid(), from, chip.getState().name(), chip.getStateReason());
        return chip;
    }

    /**
     * Whether the caller may see what the chip with this UID holds (design §5): a registered chip
     * only by its holder, its issuer and the platform, as its record ({@link AccessService#checkChip}).
     * Any signed-in user can name any home reader or kiosk, so without this a stranger could list
     * the tickets on whatever card lies on another's reader. A chip the center never registered
     * holds no ticket of this platform.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SELLER, Roles.STORE, Roles.CUSTOMER})
    public void checkContentReadable(ChipUid uid) {
        em.createNamedQuery("Chip.byUid", Chip.class).setParameter("uid", uid.toString()).getResultStream().findFirst()
                .ifPresent(access::checkChip);
    }

    /**
     * The registered chip with this UID, locked for the caller's transaction, for issuance: it
     * must be ACTIVE. Ownership (the ticket holder's chip) is the issuance service's check.
     */
    public Chip activeChip(ChipUid uid) {
        Chip chip = em.createNamedQuery("Chip.byUid", Chip.class).setParameter("uid", uid.toString())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("chip " + uid + " is not registered"));
        chip.requireActive();
        return chip;
    }

    /**
     * A membership card (C10) carries the number of the holder's registered membership with the
     * issuing seller (Fig 13), never a number the seller types freely.
     */
    private void requireMembership(Seller seller, Customer holder, String number) {
        Member member = em.createQuery("select m from Member m where m.seller = :s and m.customer = :c", Member.class)
                .setParameter("s", seller).setParameter("c", holder).getResultStream().findFirst().orElse(null);
        if (member == null || member.getStatus() != Member.Status.REGISTERED) {
            throw new ConflictException(holder.getName() + " is not a registered member of " + seller.getName()
                    + (member == null ? "" : " (the application is not registered yet)"));
        }
        if (!member.getMembershipNumber().equals(number)) {
            throw new ValidationException("membership number " + number + " is not " + holder.getName()
                    + "'s number with " + seller.getName());
        }
    }

    /** Parses a UID as 14 hex digits, upper case on output. */
    public static String uid(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("uid is required (14 hex digits)");
        }
        try {
            return ChipUid.parse(text.strip().toUpperCase(Locale.ROOT)).toString();
        } catch (IllegalArgumentException e) {
            throw new ValidationException("uid must be 14 hex digits (the chip's 7-byte ID)");
        }
    }

    private Chip locked(Long id) {
        Chip chip = get(id);
        em.refresh(chip, LockModeType.PESSIMISTIC_WRITE);
        return chip;
    }

    private Chip find(String uid) {
        return em.createNamedQuery("Chip.byUid", Chip.class).setParameter("uid", uid).getResultStream().findFirst().orElse(null);
    }

    private PersonalizedChip personalized(String uid) {
        return em.createQuery("select p from PersonalizedChip p where p.uid = :u", PersonalizedChip.class)
                .setParameter("u", uid).getResultStream().findFirst().orElse(null);
    }
}
