package com.parla.order.boundary;

import java.io.Serializable;

/** What came of placing an order. */
public sealed interface Placement extends Serializable {

    /** Placed: stock reserved, payment under way. */
    record Placed(OrderView order) implements Placement {
    }

    /** A size ran out before the order could take it: nothing was placed, nothing reserved. */
    record SoldOut(long variantId, String productName, String size) implements Placement {
    }

    /** Nothing to order. */
    record Nothing() implements Placement {
    }
}
