/**
 * The terminal resource adapter (JCA 2.1): accepts reader terminals over TCP, delivers
 * their events to message-driven beans (inbound) and gives EJBs pooled connections to
 * reach them (outbound).
 */
package org.eticket.connector.adapter;
