package com.parla.order.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A saved discount code as the customer reads it: "THXK7MPX2, 10% off until 3 March". */
public record DiscountView(String code, int percentOff, Instant expiresAt, String sourceOrder) implements Serializable {
}
