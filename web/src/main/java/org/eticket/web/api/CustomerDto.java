package org.eticket.web.api;

import org.eticket.sales.Customer;

/** A purchaser; dateOfBirth as an ISO date. */
public record CustomerDto(Long id, String name, String email, String phone, String dateOfBirth) {

    static CustomerDto of(Customer c) {
        return new CustomerDto(c.getId(), c.getName(), c.getEmail(), c.getPhone(),
                c.getDateOfBirth() == null ? null : c.getDateOfBirth().toString());
    }
}
