package com.parla.catalog.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A stock change for a variant the store does not have yet. Feeds are not ordered across queues and senders, so
 * the product may still be on its way: the change is retried later, and dead-lettered if it never arrives.
 */
@ApplicationException(rollback = true)
public class UnknownVariantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownVariantException(String store, String sku) {
        super("No variant " + sku + " in store " + store);
    }
}
