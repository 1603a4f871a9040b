/**
 * The terminal program: one program for every terminal kind. It enrolls once with its
 * one-time code, then keeps a TLS link to the adapter, relays APDUs to the chip in its
 * PC/SC reader, carries out device commands, and buffers its events on disk while the
 * center is unreachable.
 */
package org.eticket.connector.terminal;
