package com.parla.order.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** A customer's cart as the chat shows it. */
public record CartView(List<Item> items, BigDecimal total, String currency) implements Serializable {

    public record Item(long variantId, String productName, String size, int quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal, int stock) implements Serializable {
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int count() {
        return items.stream().mapToInt(Item::quantity).sum();
    }
}
