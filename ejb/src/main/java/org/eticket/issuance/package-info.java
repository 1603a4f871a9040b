/**
 * Issuance of a sold ticket to its holder's chip (004 Fig 3: issuing-request receiver,
 * authentication, issuing processor, reporter; C14). The center authenticates the chip, builds and
 * signs the record, MACs the write; a terminal only relays APDUs; the chip's MACed answer and the
 * read-back confirm the write before the ticket becomes ISSUED. Each step is its own transaction
 * and its state is in the database, so a terminal may reach any instance for any step.
 */
package org.eticket.issuance;
