package org.eticket.platform;

import jakarta.ejb.ApplicationException;

/** The request clashes with what is stored: a duplicate code, a record still in use, a seat already taken. Rolls back the transaction (a clash with stored data; answered 409). */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
