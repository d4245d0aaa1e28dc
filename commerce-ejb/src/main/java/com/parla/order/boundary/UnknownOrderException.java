package com.parla.order.boundary;

import jakarta.ejb.ApplicationException;

/** A payment or shipment message names an order Parla does not have; nothing changed. */
@ApplicationException(rollback = false)
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(String reference) {
        super("unknown order " + reference);
    }
}
