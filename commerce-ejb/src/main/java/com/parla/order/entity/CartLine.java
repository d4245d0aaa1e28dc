package com.parla.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A size of a product in a customer's cart; one line per variant (unique), its quantity changes. */
@Entity
@Table(name = "cart_line")
@NamedQuery(name = CartLine.OF_CUSTOMER, query = "select l from CartLine l where l.storeId = :store"
        + " and l.customerId = :customer order by l.id")
public class CartLine {

    public static final String OF_CUSTOMER = "CartLine.ofCustomer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "variant_id", nullable = false)
    private long variantId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected CartLine() {
    }

    public CartLine(long storeId, long customerId, long variantId, int quantity, Instant addedAt) {
        this.storeId = storeId;
        this.customerId = customerId;
        this.variantId = variantId;
        this.quantity = quantity;
        this.addedAt = addedAt;
    }

    /** The person's records were joined: this now belongs to the one that stayed. */
    public void moveTo(long customerId) {
        this.customerId = customerId;
    }

    public Long getId() {
        return id;
    }

    public long getVariantId() {
        return variantId;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }
}
