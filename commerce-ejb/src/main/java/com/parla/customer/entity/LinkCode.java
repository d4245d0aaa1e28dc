package com.parla.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time code that joins another app's identity to a customer: asked for in one chat ("LINK"), sent from the
 * other ("LINK 482913"). Six digits, short-lived, used once, valid only in its store.
 */
@Entity
@Table(name = "link_code")
@NamedQuery(name = LinkCode.BY_CODE, query = "select l from LinkCode l where l.storeId = :store and l.code = :code")
public class LinkCode {

    public static final String BY_CODE = "LinkCode.byCode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(nullable = false, length = 6)
    private String code;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "used_by")
    private Long usedBy;

    protected LinkCode() {
    }

    public LinkCode(long storeId, long customerId, String code, Instant createdAt, Instant expiresAt) {
        this.storeId = storeId;
        this.customerId = customerId;
        this.code = code;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the code can still be redeemed at that time. */
    public boolean isLive(Instant at) {
        return usedAt == null && at.isBefore(expiresAt);
    }

    public void usedBy(long customerId, Instant at) {
        usedBy = customerId;
        usedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getCode() {
        return code;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
