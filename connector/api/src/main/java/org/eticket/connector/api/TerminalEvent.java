package org.eticket.connector.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a reader terminal did, as delivered to the platform: it came online (TLS
 * handshake with its certificate, then hello) or went offline, a chip was presented to
 * or removed from its reader, its operator gave input, or it sent a batch of log lines.
 * Chip and input events carry the terminal's own sequence number: the terminal buffers
 * them while the center is unreachable and numbers them so that none is lost or repeated.
 */
public final class TerminalEvent implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The kinds of terminal event. */
    public enum Kind { ONLINE, OFFLINE, CHIP_PRESENTED, CHIP_REMOVED, OPERATOR_INPUT, LOG_BATCH }

    private final Kind kind;
    private final String terminalId;
    private final String remoteAddress;
    private final Instant at;
    private final String detail;
    private final String instanceId;
    private final long sequence;
    private final String chipUid;
    private final List<String> lines;

    public TerminalEvent(Kind kind, String terminalId, String remoteAddress, Instant at, String detail) {
        this(kind, terminalId, remoteAddress, at, detail, null, 0, null, List.of());
    }

    public TerminalEvent(Kind kind, String terminalId, String remoteAddress, Instant at, String detail,
                         String instanceId, long sequence, String chipUid, List<String> lines) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.remoteAddress = remoteAddress;
        this.at = Objects.requireNonNull(at, "at");
        this.detail = detail;
        this.instanceId = instanceId;
        this.sequence = sequence;
        this.chipUid = chipUid;
        this.lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public Kind kind() { return kind; }

    public String terminalId() { return terminalId; }

    public String remoteAddress() { return remoteAddress; }

    public Instant at() { return at; }

    /** Why a terminal went offline, or the operator's input. */
    public String detail() { return detail; }

    /** The platform instance whose adapter holds (or held) the terminal's connection. */
    public String instanceId() { return instanceId; }

    /** The terminal's sequence number of a chip, input or log event; 0 for ONLINE and OFFLINE. */
    public long sequence() { return sequence; }

    /** The chip's unique ID in upper-case hex, for CHIP_PRESENTED and CHIP_REMOVED. */
    public String chipUid() { return chipUid; }

    /** The lines of a LOG_BATCH. */
    public List<String> lines() { return lines; }

    @Override
    public String toString() {
        return kind + " " + terminalId + (sequence > 0 ? " #" + sequence : "") + " from " + remoteAddress + " at " + at
                + (chipUid == null ? "" : " chip " + chipUid)
                + (detail == null ? "" : " (" + detail + ")");
    }
}
