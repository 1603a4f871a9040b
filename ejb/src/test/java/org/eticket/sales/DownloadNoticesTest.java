package org.eticket.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DownloadNoticesTest {

    private static final Instant FAILED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aFailedNoticeIsRetriedAfterTheFirstWaitDoublingPerFailureUpToAnHour() {
        Duration first = Duration.ofSeconds(30);
        assertEquals(FAILED.plusSeconds(30), DownloadNotices.retryAt(FAILED, 1, first));
        assertEquals(FAILED.plusSeconds(60), DownloadNotices.retryAt(FAILED, 2, first));
        assertEquals(FAILED.plusSeconds(240), DownloadNotices.retryAt(FAILED, 4, first));
        assertEquals(FAILED.plusSeconds(1920), DownloadNotices.retryAt(FAILED, 7, first));
        assertEquals(FAILED.plus(Duration.ofHours(1)), DownloadNotices.retryAt(FAILED, 8, first), "30 s x 2^7 is over the hour");
        assertEquals(FAILED.plus(Duration.ofHours(1)), DownloadNotices.retryAt(FAILED, 500, first), "no overflow after many failures");
    }

    @Test
    void aNoticeNotYetCountedIsRetriedAfterTheFirstWait() {
        assertEquals(FAILED.plusSeconds(1), DownloadNotices.retryAt(FAILED, 0, Duration.ofSeconds(1)));
    }
}
