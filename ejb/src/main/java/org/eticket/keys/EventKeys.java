package org.eticket.keys;

import org.eticket.chip.crypto.EventSigningKey;
import org.eticket.chip.crypto.PersonalDataKey;

/** An event's current keys, as the issuing processor signs and seals with them. */
public record EventKeys(int generation, EventSigningKey signingKey, PersonalDataKey personalDataKey) {
}
