package org.eticket.terminal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eticket.connector.api.TerminalAdmission;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.security.AccessService;
import org.eticket.security.Roles;

/**
 * Keeps each terminal's state from the adapter's events, and answers the adapter's
 * question whether a terminal may be connected. Both come from every instance's adapter,
 * so the answers rest on the database only.
 */
@Stateless
public class TerminalRegistry {

    @PersistenceContext
    EntityManager em;

    @jakarta.ejb.EJB
    AccessService access;

    /** Called by the adapter's message-driven bean, with no caller identity. */
    public void record(TerminalEvent event) {
        Terminal terminal = em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", event.terminalId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElse(null);
        if (terminal == null) {
            // Only registered terminals get a certificate, so only they can reach this point.
            return;
        }
        if (event.sequence() > 0) {
            // Numbered events: each sequence once, whichever instance delivered it (failover resends).
            if (event.sequence() > terminal.getLastEventSequence()) {
                terminal.delivered(event.at(), event.sequence(), event.chipUid());
            }
            return;
        }
        // Online/offline can arrive late from another instance: never let an older event win.
        if (terminal.getLastSeen() != null && event.at().isBefore(terminal.getLastSeen())) {
            return;
        }
        switch (event.kind()) {
            case ONLINE -> terminal.cameOnline(event.at(), event.remoteAddress(), event.instanceId());
            case OFFLINE -> terminal.wentOffline(event.at(), event.detail());
            default -> { }
        }
    }

    /** Called by the adapter's admission bean: only the terminal's current, unrevoked, unexpired certificate is admitted. */
    public TerminalAdmission admit(String terminalId, String certificateSerial) {
        Optional<Terminal> found = em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", terminalId).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().isRegistered()) {
            return TerminalAdmission.refused("terminal " + terminalId + " is not registered");
        }
        Terminal t = found.get();
        if (t.getRevokedAt() != null) {
            return TerminalAdmission.refused("certificate revoked: " + t.getRevocationReason());
        }
        if (t.getCertificateSerial() == null || !t.getCertificateSerial().equalsIgnoreCase(certificateSerial)) {
            return TerminalAdmission.refused("certificate " + certificateSerial + " is not the terminal's current one");
        }
        if (t.getCertificateNotAfter() != null && t.getCertificateNotAfter().isBefore(Instant.now())) {
            return TerminalAdmission.refused("certificate expired");
        }
        return TerminalAdmission.admitted(t.getLastEventSequence());
    }

    /** The platform's terminals for the admin; a venue's gates or a store's kiosks for their staff (design §5). */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENUE, Roles.STORE})
    public List<Terminal> list() {
        AccessService.Caller c = access.caller();
        if (c.isAdmin()) {
            return em.createQuery("select t from Terminal t order by t.terminalId", Terminal.class).getResultList();
        }
        String owner = c.is(Roles.VENUE) ? "t.venue.id" : "t.store.id";
        return em.createQuery("select t from Terminal t where " + owner + " = :party order by t.terminalId", Terminal.class)
                .setParameter("party", c.partyId()).getResultList();
    }

    /** A terminal of another venue or store is not found, as if it did not exist: its staff learn nothing of it. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENUE, Roles.STORE})
    public Optional<Terminal> find(String terminalId) {
        AccessService.Caller c = access.caller();
        return em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", terminalId).getResultStream().findFirst()
                .filter(t -> c.isAdmin() || ownedBy(t, c));
    }

    private static boolean ownedBy(Terminal t, AccessService.Caller c) {
        Long party = c.is(Roles.VENUE) ? (t.getVenue() == null ? null : t.getVenue().getId())
                : c.is(Roles.STORE) ? (t.getStore() == null ? null : t.getStore().getId()) : null;
        return party != null && party.equals(c.partyId());
    }

    /**
     * The terminal for the center's own flows (the gateway's routing, the ticket flows), whose
     * callers are customers and sellers too; they decide themselves who may use which terminal.
     */
    @jakarta.annotation.security.PermitAll
    public Optional<Terminal> lookup(String terminalId) {
        return em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", terminalId).getResultStream().findFirst();
    }

    /**
     * The terminal as the database holds it now, for routing a request: another instance's adapter
     * records where it is connected, so this instance's cached copy may be an event behind.
     */
    @jakarta.annotation.security.PermitAll
    public Optional<Terminal> locate(String terminalId) {
        return em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", terminalId)
                .setHint("eclipselink.refresh", "true")
                .getResultStream().findFirst();
    }
}
