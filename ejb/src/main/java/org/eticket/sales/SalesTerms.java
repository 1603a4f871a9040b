package org.eticket.sales;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Duration;

/**
 * An event's selling terms set by its organizer: when the download window opens after a
 * purchase (0 = immediate download) and how long it stays open (Fig 15, S1503). Events
 * without a row use the defaults.
 */
// Not in the shared cache: an organizer changes them on any instance, and every instance's
// sales must use them at once (a stale copy would mail a wrong download window).
@Cacheable(false)
@Entity
public class SalesTerms {

    public static final int DEFAULT_WINDOW_MINUTES = 30 * 24 * 60;

    @Id
    private Long eventId;

    @Column(nullable = false)
    private int downloadDelayMinutes;

    @Column(nullable = false)
    private int downloadWindowMinutes = DEFAULT_WINDOW_MINUTES;

    protected SalesTerms() {
    }

    SalesTerms(Long eventId) {
        this.eventId = eventId;
    }

    /** The defaults: immediate download, open thirty days. */
    static SalesTerms defaults(Long eventId) {
        return new SalesTerms(eventId);
    }

    public Long getEventId() { return eventId; }

    public int getDownloadDelayMinutes() { return downloadDelayMinutes; }

    public int getDownloadWindowMinutes() { return downloadWindowMinutes; }

    void set(int delayMinutes, int windowMinutes) {
        this.downloadDelayMinutes = delayMinutes;
        this.downloadWindowMinutes = windowMinutes;
    }

    public DownloadWindow windowFor(java.time.Instant purchasedAt, java.time.Instant performanceStart) {
        return DownloadWindow.after(purchasedAt, Duration.ofMinutes(downloadDelayMinutes),
                Duration.ofMinutes(downloadWindowMinutes), performanceStart);
    }
}
