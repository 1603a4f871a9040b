package org.eticket.terminal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eticket.connector.api.TerminalEvent;
import org.eticket.security.Roles;

/** Keeps each terminal's online state from the adapter's events. */
@Stateless
public class TerminalRegistry {

    @PersistenceContext
    EntityManager em;

    /** Called by the adapter's message-driven bean, with no caller identity. */
    public void record(TerminalEvent event) {
        Terminal terminal = em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", event.terminalId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Terminal t = new Terminal(event.terminalId());
                    em.persist(t);
                    return t;
                });
        // Events can arrive late from another instance: never let an older event win.
        if (terminal.getLastSeen() != null && event.at().isBefore(terminal.getLastSeen())) {
            return;
        }
        switch (event.kind()) {
            case ONLINE -> terminal.cameOnline(event.at(), event.remoteAddress());
            case OFFLINE -> terminal.wentOffline(event.at(), event.detail());
        }
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENUE, Roles.STORE})
    public List<Terminal> list() {
        return em.createQuery("select t from Terminal t order by t.terminalId", Terminal.class).getResultList();
    }

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.VENUE, Roles.STORE})
    public Optional<Terminal> find(String terminalId) {
        return em.createNamedQuery("Terminal.byTerminalId", Terminal.class)
                .setParameter("terminalId", terminalId).getResultStream().findFirst();
    }
}
