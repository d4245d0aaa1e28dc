package com.parla.order.boundary;

import jakarta.ejb.ApplicationException;

/** Two confirmations of one BUY code raced and this one lost: its transaction rolls back, nothing is placed. */
@ApplicationException(rollback = true)
public class OfferTakenException extends RuntimeException {

    public OfferTakenException(String code) {
        super("offer " + code + " was just used");
    }
}
