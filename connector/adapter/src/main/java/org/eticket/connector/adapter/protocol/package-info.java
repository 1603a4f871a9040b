/** The terminal wire protocol: versioned, length-prefixed frames (documented in connector/README.md). */
package org.eticket.connector.adapter.protocol;
