package org.eticket.issuance.terminal;

/** A chip issued at a terminal as a member's membership card (C10): registered to the member's customer. */
public record MembershipCard(Long chipId, String chipUid, Long memberId, Long customerId, String membershipNumber,
                             String terminalId) {
}
