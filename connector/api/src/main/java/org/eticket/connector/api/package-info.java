/**
 * What the platform's EJBs see of the terminal adapter: the inbound listener that
 * message-driven beans implement, the events it carries, and the outbound connection
 * used to reach terminals. Packaged in its own jar: inside the rar, provided elsewhere.
 */
package org.eticket.connector.api;
