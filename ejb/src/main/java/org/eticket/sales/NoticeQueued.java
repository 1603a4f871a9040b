package org.eticket.sales;

/** CDI event: a download notice was queued in the current transaction. */
public record NoticeQueued(Long noticeId) {
}
