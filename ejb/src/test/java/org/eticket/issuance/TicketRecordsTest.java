package org.eticket.issuance;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TicketRecordsTest {

    @Test
    void textIsCutToTheRecordFieldSizeWithoutSplittingACharacter() {
        assertEquals("Aurora", TicketRecords.fit("Aurora", 24));
        assertEquals("", TicketRecords.fit(null, 24));
        String japanese = "山田花子".repeat(10); // 3 bytes a character
        String cut = TicketRecords.fit(japanese, 24);
        assertEquals(24, cut.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("山田花子山田花子", cut);
        assertEquals("ab", TicketRecords.fit("ab😀", 5), "a 4-byte character does not fit in 3 bytes");
    }

    @Test
    void chipTicketIdsFitTheRecord() {
        assertEquals("T9223372036854775807", TicketRecords.chipTicketId(Long.MAX_VALUE));
        assertTrue(TicketRecords.chipTicketId(Long.MAX_VALUE).length() <= TicketRecords.ID_MAX);
    }
}
