/** Inbound side: the terminal listener, one session per connected terminal, delivery to message-driven beans. */
package org.eticket.connector.adapter.inbound;
