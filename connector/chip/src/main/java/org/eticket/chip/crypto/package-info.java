/**
 * The chip's and the tickets' keys, all on the BouncyCastle lightweight API: per-chip AES keys
 * diversified from a platform master key (NXP AN10922), the MACs that authorize WRITE and
 * NULLIFY and authenticate a chip, per-event Ed25519 signing keys, and the per-chip AES-GCM
 * key (HKDF) that seals the personal part of a ticket (Fig 42). Key rings keep rotated keys
 * usable for what they signed or sealed earlier.
 */
package org.eticket.chip.crypto;
