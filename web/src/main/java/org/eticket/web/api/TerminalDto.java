package org.eticket.web.api;

import org.eticket.terminal.Terminal;

/**
 * A reader terminal as the center knows it; instants as ISO text. {@code instanceId} names
 * the platform instance whose adapter holds its connection (requests go there).
 */
public record TerminalDto(Long id, String terminalId, String kind, String place, String venueCode, String storeCode,
                          boolean enrolled, String certificateSerial, String certificateNotAfter, boolean revoked,
                          String revocationReason, boolean online, String lastSeen, String lastAddress,
                          String lastDisconnectReason, String instanceId, long lastEventSequence, String lastChipUid) {

    static TerminalDto of(Terminal t) {
        return new TerminalDto(t.getId(), t.getTerminalId(), t.getKind() == null ? null : t.getKind().name(), t.getPlace(),
                t.getVenue() == null ? null : t.getVenue().getCode(), t.getStore() == null ? null : t.getStore().getCode(),
                t.isEnrolled(), t.getCertificateSerial(), text(t.getCertificateNotAfter()), t.getRevokedAt() != null,
                t.getRevocationReason(), t.isOnline(), text(t.getLastSeen()), t.getLastAddress(), t.getLastDisconnectReason(),
                t.getInstanceId(), t.getLastEventSequence(), t.getLastChipUid());
    }

    private static String text(Object instant) {
        return instant == null ? null : instant.toString();
    }
}
