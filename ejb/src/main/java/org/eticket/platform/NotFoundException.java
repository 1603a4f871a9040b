package org.eticket.platform;

import jakarta.ejb.ApplicationException;

/** The named record does not exist (or is not visible to the caller). Rolls back the transaction (a missing master; answered 404). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
