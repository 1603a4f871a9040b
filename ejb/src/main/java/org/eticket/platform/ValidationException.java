package org.eticket.platform;

import jakarta.ejb.ApplicationException;

/** The request is wrong as given: a missing or malformed field, a value out of range. Rolls back the transaction (bad input; answered 400). */
@ApplicationException(rollback = true)
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }
}
