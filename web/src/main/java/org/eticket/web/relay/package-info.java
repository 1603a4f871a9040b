/** Instance-to-instance HTTP: the signed relay endpoint for terminals connected to this instance, and learning this instance's address. */
package org.eticket.web.relay;
