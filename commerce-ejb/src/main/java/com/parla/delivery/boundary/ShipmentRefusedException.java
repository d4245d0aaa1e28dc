package com.parla.delivery.boundary;

import jakarta.ejb.ApplicationException;

/** A shipment message that can never apply: a status that cannot follow, a position that is no place. */
@ApplicationException(rollback = false)
public class ShipmentRefusedException extends RuntimeException {

    public ShipmentRefusedException(String reason) {
        super(reason);
    }
}
