package org.eticket.connector.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a reader terminal did, as delivered to the platform: it came online
 * (connected and said hello) or went offline (its connection dropped or was closed).
 */
public final class TerminalEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds of terminal event; the full protocol (issue #6) adds chip and log events. */
    public enum Kind { ONLINE, OFFLINE }

    private final Kind kind;
    private final String terminalId;
    private final String remoteAddress;
    private final Instant at;
    private final String detail;

    public TerminalEvent(Kind kind, String terminalId, String remoteAddress, Instant at, String detail) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.remoteAddress = remoteAddress;
        this.at = Objects.requireNonNull(at, "at");
        this.detail = detail;
    }

    public Kind kind() { return kind; }

    public String terminalId() { return terminalId; }

    public String remoteAddress() { return remoteAddress; }

    public Instant at() { return at; }

    /** Why a terminal went offline, or the terminal's self-description on hello. */
    public String detail() { return detail; }

    @Override
    public String toString() {
        return kind + " " + terminalId + " from " + remoteAddress + " at " + at
                + (detail == null ? "" : " (" + detail + ")");
    }
}
