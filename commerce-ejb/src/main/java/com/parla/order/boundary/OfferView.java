package com.parla.order.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A BUY-code offer, and whether this customer may take it now.
 *
 * @param standing OK, or why not: UNKNOWN (no such code), OTHER_STORE (another store's), NOT_YOURS (another
 *                 customer's), EXPIRED, USED, SOLD_OUT
 */
public record OfferView(String code, Standing standing, Long variantId, String productName, String size,
                        BigDecimal price, String currency, Instant expiresAt, String orderReference)
        implements Serializable {

    public enum Standing { OK, UNKNOWN, OTHER_STORE, NOT_YOURS, EXPIRED, USED, SOLD_OUT }

    static OfferView refused(String code, Standing standing) {
        return new OfferView(code, standing, null, null, null, null, null, null, null);
    }

    public boolean takeable() {
        return standing == Standing.OK;
    }
}
