package org.eticket.web.api;

import org.eticket.sales.Store;

/** A store (kiosk / convenience store). */
public record StoreDto(Long id, String code, String name, String address) {

    static StoreDto of(Store s) {
        return new StoreDto(s.getId(), s.getCode(), s.getName(), s.getAddress());
    }
}
