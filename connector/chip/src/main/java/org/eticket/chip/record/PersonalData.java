package org.eticket.chip.record;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The personal part of a ticket's management area (Fig 46: customer name, attribute, date of
 * birth, membership number; plus the buyer identification). It travels only sealed for one chip.
 *
 * @param dateOfBirth null when not collected
 * @param membershipNumber empty when the attendee is no member
 */
public record PersonalData(String attendeeName, Set<AttendeeAttribute> attributes, LocalDate dateOfBirth,
                           String membershipNumber, BuyerIdentification buyer) {

    public PersonalData {
        Limits.text(attendeeName, "attendee name", 0, Limits.NAME_MAX);
        Objects.requireNonNull(attributes, "attributes");
        attributes = attributes.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
        if (dateOfBirth != null) {
            Limits.date(dateOfBirth, "date of birth");
        }
        Limits.text(membershipNumber, "membership number", 0, Limits.SHORT_MAX);
        Objects.requireNonNull(buyer, "buyer");
    }
}
