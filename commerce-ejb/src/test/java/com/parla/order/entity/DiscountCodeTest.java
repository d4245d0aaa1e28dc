package com.parla.order.entity;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A code's share of a total, to the cent. */
class DiscountCodeTest {

    private static DiscountCode percent(int p) {
        return new DiscountCode(1, 2, "THXAAAA22", p, Instant.now().plusSeconds(60), "P-AAAAA2", Instant.now());
    }

    @Test
    void tenPercentToTheCentRoundedHalfUp() {
        assertEquals(new BigDecimal("8.90"), percent(10).discountOn(new BigDecimal("89.00")));
        assertEquals(new BigDecimal("0.01"), percent(10).discountOn(new BigDecimal("0.05")), "0.005 rounds up");
        assertEquals(new BigDecimal("42.00"), percent(10).discountOn(new BigDecimal("420.00")));
        assertEquals(new BigDecimal("14.85"), percent(15).discountOn(new BigDecimal("99.00")));
    }
}
