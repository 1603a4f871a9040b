package org.eticket.web.api;

import org.eticket.allocation.Seller;

/** A seller (C5, Fig 23); kind is AGENT or FAN_CLUB. */
public record SellerDto(Long id, String code, String name, String kind, String email, String address) {

    static SellerDto of(Seller s) {
        return new SellerDto(s.getId(), s.getCode(), s.getName(), s.getKind().name(), s.getEmail(), s.getAddress());
    }
}
