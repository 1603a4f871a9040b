/**
 * A software information storage chip (Fig 10, 11, 46) answering the ticket application's APDUs:
 * areas bounded by a fixed memory, writes only under the chip's own MAC and counter, and an
 * EEPROM model with shadow-slot commits so that losing power at any byte keeps the old content.
 * Chips live in memory for tests or one file each for the demo and the terminal program.
 */
package org.eticket.chip.card;
