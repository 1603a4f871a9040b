/** Outbound side: the pooled connection EJBs use to reach the adapter and, through it, terminals. */
package org.eticket.connector.adapter.outbound;
