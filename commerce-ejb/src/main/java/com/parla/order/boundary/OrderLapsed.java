package com.parla.order.boundary;

/** An order was not paid in time, or its payment failed: its stock went back. Observed in that transaction. */
public record OrderLapsed(OrderView order, String reason) {
}
