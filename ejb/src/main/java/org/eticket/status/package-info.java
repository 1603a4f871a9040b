/**
 * Sales status (C9, Figs 32, 33): the vacant-seat map and sales by seller, by seat type,
 * daily and monthly, on screen and as printable PDF.
 */
package org.eticket.status;
