package com.parla.catalog.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Catalog data that cannot be applied as it is (invalid fields, unknown store, wrong currency). It is found before
 * anything is written, so it leaves the caller's transaction usable (a feed consumer dead-letters the message and
 * commits).
 */
@ApplicationException(rollback = false)
public class CatalogDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogDataException(String reason) {
        super(reason);
    }
}
