/**
 * The ticket record a chip carries (Fig 11, 46): a compact, versioned TLV encoding of the event IDs
 * per gate area, the event information, the ticket's management fields and its chip UID, the
 * personal part sealed for that chip, the key IDs and an Ed25519 signature over all of it.
 * {@link org.eticket.chip.record.TicketIssuer} builds one at the center;
 * {@link org.eticket.chip.record.TicketVerifier} is what an offline gate runs on it.
 */
package org.eticket.chip.record;
