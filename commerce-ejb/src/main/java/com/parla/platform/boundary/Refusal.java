package com.parla.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Input a business call will not take, with the reason the caller reads (a 400 in the API). An application
 * exception: it reaches the caller as it is, rolls the transaction back, and is no server error to log.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Refusal(String reason) {
        super(reason);
    }
}
