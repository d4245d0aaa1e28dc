package com.parla.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A BUY-code offer: one size of a product at a price, for one customer, until it expires; replying "BUY code"
 * buys it on the customer's stored account. A code is used once.
 */
@Entity
@NamedQuery(name = Offer.BY_CODE, query = "select o from Offer o where o.code = :code")
public class Offer {

    public static final String BY_CODE = "Offer.byCode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(nullable = false, length = 16)
    private String code;

    @Column(name = "variant_id", nullable = false)
    private long variantId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_by", nullable = false, length = 254)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "order_id")
    private Long orderId;

    protected Offer() {
    }

    public Offer(long storeId, long customerId, String code, long variantId, BigDecimal price, String currency,
                 Instant expiresAt, String createdBy, Instant createdAt) {
        this.storeId = storeId;
        this.customerId = customerId;
        this.code = code;
        this.variantId = variantId;
        this.price = price;
        this.currency = currency;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean isUsed() {
        return orderId != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void usedBy(long orderId) {
        this.orderId = orderId;
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    /** The person's records were joined: this now belongs to the one that stayed. */
    public void moveTo(long customerId) {
        this.customerId = customerId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getCode() {
        return code;
    }

    public long getVariantId() {
        return variantId;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Long getOrderId() {
        return orderId;
    }
}
