package org.eticket.connector.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/** Outbound entry point: EJBs get a {@link TerminalConnection} from the pooled factory. */
public interface TerminalConnectionFactory extends Serializable, Referenceable {

    TerminalConnection getConnection() throws ResourceException;
}
