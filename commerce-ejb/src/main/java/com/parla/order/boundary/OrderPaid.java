package com.parla.order.boundary;

/** An order's payment was captured; observed in the capturing transaction (the customer's message is part of it). */
public record OrderPaid(OrderView order) {
}
