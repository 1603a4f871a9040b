/**
 * The ticket application's command set as both sides see it: its constants and answer layouts,
 * the commands the center and terminals build (WRITE and NULLIFY carry the center's MAC; terminals
 * only relay them), and a reader that turns a chip's areas back into ticket records.
 */
package org.eticket.chip.protocol;
