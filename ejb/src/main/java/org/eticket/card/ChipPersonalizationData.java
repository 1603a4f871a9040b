package org.eticket.card;

import java.util.HexFormat;
import org.eticket.chip.ChipUid;
import org.eticket.chip.crypto.ChipKeys;

/**
 * What a card personalization station loads into one blank chip: UID, key version and the chip's
 * own two keys (hex). Handed out once per chip, to the platform admin only; never logged.
 */
public record ChipPersonalizationData(String uid, int keyVersion, String writeKey, String authenticationKey) {

    static ChipPersonalizationData of(ChipUid uid, ChipKeys keys) {
        HexFormat hex = HexFormat.of().withUpperCase();
        return new ChipPersonalizationData(uid.toString(), keys.keyVersion(),
                hex.formatHex(keys.writeKey()), hex.formatHex(keys.authenticationKey()));
    }

    /** The keys as the chip emulator takes them. */
    public ChipKeys chipKeys() {
        return ChipKeys.of(keyVersion, HexFormat.of().parseHex(writeKey), HexFormat.of().parseHex(authenticationKey));
    }

    @Override
    public String toString() {
        return "ChipPersonalizationData[" + uid + ", key version " + keyVersion + "]";
    }
}
