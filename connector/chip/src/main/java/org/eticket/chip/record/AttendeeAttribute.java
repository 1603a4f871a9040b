package org.eticket.chip.record;

/**
 * Attendee attributes that change the guidance at the gate (S4507-S4511, C31). A ticket holds a
 * set of them: a wheelchair user may also be sight- or hearing-impaired.
 */
public enum AttendeeAttribute {
    WHEELCHAIR,
    SIGHT_IMPAIRED,
    HEARING_IMPAIRED;

    /** Bit of this attribute in the record's one-byte attribute mask. */
    int bit() {
        return 1 << ordinal();
    }
}
