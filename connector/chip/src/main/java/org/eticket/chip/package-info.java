/**
 * The information storage chip (design §4, Fig 10, 11, 46): its APDU command set, a card
 * emulator, the keys that protect it and the signed, chip-bound ticket record it carries.
 * Plain Java shared by the center and the gate/kiosk program.
 */
package org.eticket.chip;
