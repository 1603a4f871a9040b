package org.eticket.web.api;

import org.eticket.catalog.Organizer;

/** An organizer as the API shows it (C1). */
public record OrganizerDto(Long id, String code, String name, String address, String email, String phone) {

    static OrganizerDto of(Organizer o) {
        return new OrganizerDto(o.getId(), o.getCode(), o.getName(), o.getAddress(), o.getEmail(), o.getPhone());
    }
}
