package com.parla.integration.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An integration message that can never be applied (malformed, unknown type, invalid data). It goes to the
 * dead-letter queue at once instead of being retried; the transaction still commits so it is not redelivered.
 */
@ApplicationException(rollback = false)
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidEventException(String reason) {
        super(reason);
    }
}
