package org.eticket.keys;

/**
 * The key server cannot do its work: the key-encryption key is missing, unreadable or not the one
 * the database was sealed under, or a stored key does not open. Messages name files and key IDs,
 * never key bytes. Unchecked, so the container rolls the transaction back.
 */
public class KeyServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyServerException(String message) {
        super(message);
    }

    public KeyServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
