package org.eticket.connector.api;

/** Message listener type of the adapter: message-driven beans implement it to receive terminal events. */
public interface TerminalEventListener {

    void onTerminalEvent(TerminalEvent event);
}
