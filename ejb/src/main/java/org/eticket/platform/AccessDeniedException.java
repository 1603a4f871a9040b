package org.eticket.platform;

import jakarta.ejb.ApplicationException;

/** The caller is signed in but may not touch this record. Rolls back the transaction (a refusal by ownership or role; answered 403). */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
