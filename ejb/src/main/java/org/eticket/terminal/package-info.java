/** The terminal registry: which reader terminals exist, and which are online, fed by the adapter's events. */
package org.eticket.terminal;
