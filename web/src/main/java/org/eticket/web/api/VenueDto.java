package org.eticket.web.api;

import org.eticket.catalog.Venue;

/** A venue (C2); registeredByOrganizerId is null when the platform registered it. */
public record VenueDto(Long id, String code, String name, String address, Long registeredByOrganizerId) {

    static VenueDto of(Venue v) {
        return new VenueDto(v.getId(), v.getCode(), v.getName(), v.getAddress(),
                v.getRegisteredBy() == null ? null : v.getRegisteredBy().getId());
    }
}
