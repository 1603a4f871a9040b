package org.eticket.connector.protocol;

/** A frame that breaks the protocol; the connection that sent it is closed with this reason. */
public class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    public FrameException(String reason) {
        super(reason);
    }
}
