package com.parla.aftersales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something a person of the store must take up for a customer, with the order it is about. */
@Entity
@Table(name = "care_case")
@NamedQuery(name = CareCase.OPEN_OF_STORE, query = "select c from CareCase c where c.storeId = :store"
        + " and c.status = :status order by c.id")
public class CareCase {

    public static final String OPEN_OF_STORE = "CareCase.openOfStore";

    public enum Kind {
        LOW_RATING,
        RETURN
    }

    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "order_reference", length = 32)
    private String orderReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 1000)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CareCase() {
    }

    public CareCase(long storeId, long customerId, Long conversationId, String orderReference, Kind kind,
                    String summary, Instant now) {
        this.storeId = storeId;
        this.customerId = customerId;
        this.conversationId = conversationId;
        this.orderReference = orderReference;
        this.kind = kind;
        this.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
        this.status = Status.OPEN;
        this.createdAt = now;
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

    public Long getConversationId() {
        return conversationId;
    }

    public String getOrderReference() {
        return orderReference;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
