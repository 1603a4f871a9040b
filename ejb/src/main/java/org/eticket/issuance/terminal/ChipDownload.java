package org.eticket.issuance.terminal;

import java.util.List;
import org.eticket.issuance.IssuanceResult;

/**
 * The answer to a download at a terminal (Fig 38). {@code COMPLETED}: every ticket of the order
 * is on the chip, verified. {@code RETRY_OR_CANCEL}: the write failed ({@code reason}); tickets
 * already written stay, the others were not changed (no ticket is half written), and the customer
 * either tries again or stops, and may come back while the download window is open.
 */
public record ChipDownload(Long orderId, String terminalId, String chipUid, Outcome outcome, String reason,
                           List<IssuanceResult> issued, List<Long> remaining) {

    public enum Outcome { COMPLETED, RETRY_OR_CANCEL }
}
