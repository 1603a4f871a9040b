package org.eticket.issuance;

import jakarta.ejb.ApplicationException;
import org.eticket.platform.ConflictException;

/**
 * The chip refused or could not prove the step (not genuine, wrong chip, write refused, read-back
 * differs). Answered 409; unlike other errors it does not roll back, so the attempt's FAILED state
 * and its reason are kept. The ticket itself is never changed by a failed attempt.
 */
@ApplicationException(rollback = false)
public class IssuanceFailedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public IssuanceFailedException(String message) {
        super(message);
    }
}
