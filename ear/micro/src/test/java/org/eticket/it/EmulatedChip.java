package org.eticket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.HexFormat;
import org.eticket.chip.ChipUid;
import org.eticket.chip.card.ChipEmulator;
import org.eticket.chip.card.ChipPersonalization;
import org.eticket.chip.card.MemoryEeprom;
import org.eticket.chip.crypto.ChipKeys;

/**
 * A chip the platform personalized ({@code POST chips/personalizations}), emulated in memory so
 * a test can cut its power mid-write and boot it again on the same EEPROM.
 */
final class EmulatedChip {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    final ChipUid uid;
    final MemoryEeprom eeprom;
    ChipEmulator emulator;
    /** The registry's id once registered. */
    long id;

    private EmulatedChip(ChipUid uid, ChipKeys keys) throws Exception {
        this.uid = uid;
        ChipPersonalization p = new ChipPersonalization(uid, "eticket platform", keys, ChipPersonalization.DEFAULT_CAPACITY);
        this.eeprom = new MemoryEeprom(ChipEmulator.eepromSize(p.capacity()));
        this.emulator = ChipEmulator.personalize(eeprom, p);
    }

    /** A blank chip personalized by the platform admin: a fresh UID and the keys derived for it. */
    static EmulatedChip personalize(Api admin) throws Exception {
        Api.Response r = admin.post("api/v1/chips/personalizations", "");
        assertEquals(200, r.status(), r.body());
        JsonObject p = r.json();
        return new EmulatedChip(ChipUid.parse(p.getString("uid")), ChipKeys.of(p.getInt("keyVersion"),
                HEX.parseHex(p.getString("writeKey")), HEX.parseHex(p.getString("authenticationKey"))));
    }

    void powerUp() throws Exception {
        eeprom.restorePower();
        emulator = ChipEmulator.boot(eeprom);
    }
}
