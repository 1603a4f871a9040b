/** The terminal wire protocol: versioned, length-prefixed frames and their payload layouts (connector/README.md). */
package org.eticket.connector.protocol;
