package org.eticket.connector.api;

import java.util.Set;

/**
 * A handle on the adapter; close it (try-with-resources) so it returns to the pool.
 * The full command set (APDUs, lamp, display, gate) comes with issue #6.
 */
public interface TerminalConnection extends AutoCloseable {

    /** True while the adapter accepts terminal connections on its port. */
    boolean isListening();

    /** The TCP port terminals connect to. */
    int port();

    /** Terminal IDs connected to this instance's adapter right now. */
    Set<String> connectedTerminals();

    @Override
    void close();
}
