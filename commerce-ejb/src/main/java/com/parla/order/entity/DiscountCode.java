package com.parla.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A code saved for one customer of one store: a share off one later order, until it expires. */
@Entity
@Table(name = "discount_code")
@NamedQuery(name = DiscountCode.USABLE_OF_CUSTOMER, query = "select d from DiscountCode d where d.storeId = :store"
        + " and d.customerId = :customer and d.orderId is null and d.expiresAt > :now order by d.expiresAt")
public class DiscountCode {

    public static final String USABLE_OF_CUSTOMER = "DiscountCode.usableOfCustomer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(nullable = false, length = 16)
    private String code;

    @Column(name = "percent_off", nullable = false)
    private int percentOff;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "source_order", length = 32)
    private String sourceOrder;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DiscountCode() {
    }

    public DiscountCode(long storeId, long customerId, String code, int percentOff, Instant expiresAt,
                        String sourceOrder, Instant now) {
        this.storeId = storeId;
        this.customerId = customerId;
        this.code = code;
        this.percentOff = percentOff;
        this.expiresAt = expiresAt;
        this.sourceOrder = sourceOrder;
        this.createdAt = now;
    }

    /** What it takes off a total: its share, to the cent, rounded half up. */
    public BigDecimal discountOn(BigDecimal total) {
        return total.multiply(BigDecimal.valueOf(percentOff)).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
    }

    /** The person's records were joined: the code follows the one that stayed. */
    public void moveTo(long customerId) {
        this.customerId = customerId;
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getCode() {
        return code;
    }

    public int getPercentOff() {
        return percentOff;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getSourceOrder() {
        return sourceOrder;
    }

    public Long getOrderId() {
        return orderId;
    }
}
