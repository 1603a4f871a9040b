/**
 * ISO/IEC 7816-4 command and response APDUs (short and extended length), status words, and
 * the transport a terminal uses to reach a chip: the in-process emulator now, PC/SC later.
 */
package org.eticket.chip.apdu;
