/**
 * Payment (C12; the charge-transfer terminal of seed 001): a card gateway with a built-in
 * test acquirer, the e-money wallet and reward points as ledgers. Money is always integer
 * minor units; card numbers are never stored, only the acquirer's token and the last four.
 */
package org.eticket.payment;
