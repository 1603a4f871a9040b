/**
 * The center's key server (004 Fig 1: 112, 113): platform master keys and event keys kept in the
 * database sealed under a key-encryption key that lives in a file outside the repository; per-chip
 * keys are derived, never stored; rotation keeps every older key for verification.
 */
package org.eticket.keys;
