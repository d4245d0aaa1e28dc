package com.parla.delivery.boundary;

import jakarta.ejb.ApplicationException;

/** A shipment message names an order Parla has no shipment of (unknown, unpaid, or another store's). */
@ApplicationException(rollback = false)
public class UnknownShipmentException extends RuntimeException {

    public UnknownShipmentException(String order) {
        super("no shipment of order " + order);
    }
}
