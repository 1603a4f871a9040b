package org.eticket.terminal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import org.eticket.platform.Identified;

/**
 * One platform instance as the others find it: its ID (the one the registry records with each
 * terminal's ONLINE event) and the internal HTTP address where it accepts relayed terminal
 * requests (connector/README.md, "Several instances"). Each instance writes only its own row.
 */
// Not in the shared cache: every instance writes its own row (address, heartbeat) and reads the others'.
@Cacheable(false)
@Entity
@NamedQuery(name = "PlatformInstance.byInstanceId", query = "select i from PlatformInstance i where i.instanceId = :instanceId")
public class PlatformInstance extends Identified {

    @Column(nullable = false, unique = true, length = 200)
    private String instanceId;

    @Column(length = 500)
    private String url;

    private Instant startedAt;

    private Instant lastSeen;

    protected PlatformInstance() {
    }

    PlatformInstance(String instanceId) {
        this.instanceId = instanceId;
    }

    void seen(String url, Instant startedAt, Instant now) {
        this.url = url;
        this.startedAt = startedAt;
        this.lastSeen = now;
    }

    public String getInstanceId() { return instanceId; }

    public String getUrl() { return url; }

    public Instant getStartedAt() { return startedAt; }

    public Instant getLastSeen() { return lastSeen; }
}
