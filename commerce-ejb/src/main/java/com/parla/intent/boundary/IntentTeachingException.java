package com.parla.intent.boundary;

import jakarta.ejb.ApplicationException;

/** An example or a training request that cannot be taken as it is; found before anything is written. */
@ApplicationException(rollback = true)
public class IntentTeachingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IntentTeachingException(String reason) {
        super(reason);
    }
}
