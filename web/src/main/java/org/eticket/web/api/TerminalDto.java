package org.eticket.web.api;

import org.eticket.terminal.Terminal;

/** A reader terminal as the center knows it; kind and place stay null until it is enrolled; lastSeen an ISO instant. */
public record TerminalDto(Long id, String terminalId, String kind, String place, boolean online, String lastSeen,
                          String lastAddress, String lastDisconnectReason) {

    static TerminalDto of(Terminal t) {
        return new TerminalDto(t.getId(), t.getTerminalId(), t.getKind(), t.getPlace(), t.isOnline(),
                t.getLastSeen() == null ? null : t.getLastSeen().toString(), t.getLastAddress(),
                t.getLastDisconnectReason());
    }
}
