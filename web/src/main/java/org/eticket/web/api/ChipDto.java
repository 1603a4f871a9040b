package org.eticket.web.api;

import org.eticket.card.Chip;

/** A registered chip; times as ISO instants. */
public record ChipDto(Long id, String uid, Long holderId, String holderName, Long issuedBySellerId, Long issuedByStoreId,
                      String membershipNumber, int keyVersion, String state, String stateReason,
                      String registeredAt, String stateChangedAt) {

    static ChipDto of(Chip c) {
        return new ChipDto(c.getId(), c.getUid(), c.getHolder().getId(), c.getHolder().getName(),
                c.getIssuedBySeller() == null ? null : c.getIssuedBySeller().getId(),
                c.getIssuedByStore() == null ? null : c.getIssuedByStore().getId(),
                c.getMembershipNumber(), c.getKeyVersion(), c.getState().name(), c.getStateReason(),
                c.getRegisteredAt().toString(), c.getStateChangedAt() == null ? null : c.getStateChangedAt().toString());
    }
}
