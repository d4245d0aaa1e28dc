package com.parla.catalog.boundary;

final class CatalogLimits {

    /** SKUs travel in chat buttons and URLs: letters, digits, dot, dash, underscore. */
    static final String SKU = "[A-Za-z0-9._-]+";

    private CatalogLimits() {
    }
}
