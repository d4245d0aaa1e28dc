package com.parla.aftersales.boundary;

import com.parla.order.boundary.DiscountView;

/**
 * What became of a rating.
 *
 * @param thanks the code saved for the customer (THANKED), else null
 */
public record Rated(Outcome outcome, String orderReference, DiscountView thanks) {

    public enum Outcome {
        /** A good or middling rating: thanked, with a code for next time. */
        THANKED,
        /** A low rating: a case for the store's staff, no cheerful reply. */
        CASE_OPENED,
        ALREADY_RATED,
        /** No such order of this customer. */
        UNKNOWN
    }
}
