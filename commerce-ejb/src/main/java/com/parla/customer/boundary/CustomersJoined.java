package com.parla.customer.boundary;

/**
 * One person's two customer records became one: whatever points at {@code from} (identities, carts, orders,
 * offers) is to point at {@code into}, in the transaction that joined them. Each component moves its own rows.
 */
public record CustomersJoined(long storeId, long from, long into) {
}
