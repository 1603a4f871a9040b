package org.eticket.terminal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import org.eticket.platform.Identified;

/**
 * A reader terminal as the center knows it. A terminal that says hello before it is
 * enrolled is recorded with no kind; enrollment (issue #6) fills kind and place.
 */
@Entity
@NamedQuery(name = "Terminal.byTerminalId", query = "select t from Terminal t where t.terminalId = :terminalId")
public class Terminal extends Identified {

    @Column(nullable = false, unique = true, length = 64)
    private String terminalId;

    @Column(length = 16)
    private String kind;

    @Column(length = 200)
    private String place;

    private boolean online;

    private Instant lastSeen;

    @Column(length = 100)
    private String lastAddress;

    @Column(length = 300)
    private String lastDisconnectReason;

    protected Terminal() {
    }

    public Terminal(String terminalId) {
        this.terminalId = terminalId;
    }

    public String getTerminalId() { return terminalId; }

    public String getKind() { return kind; }

    public String getPlace() { return place; }

    public boolean isOnline() { return online; }

    public Instant getLastSeen() { return lastSeen; }

    public String getLastAddress() { return lastAddress; }

    public String getLastDisconnectReason() { return lastDisconnectReason; }

    void cameOnline(Instant at, String address) {
        online = true;
        lastSeen = at;
        lastAddress = address;
        lastDisconnectReason = null;
    }

    void wentOffline(Instant at, String reason) {
        online = false;
        lastSeen = at;
        lastDisconnectReason = reason;
    }
}
