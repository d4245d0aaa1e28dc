package com.parla.aftersales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's rating of an order (1 to 5 stars, once) and what they wrote or sent with it. */
@Entity
@Table(name = "rating")
@NamedQuery(name = Rating.OF_ORDER, query = "select r from Rating r where r.orderId = :order")
public class Rating {

    public static final String OF_ORDER = "Rating.ofOrder";
    public static final int MAX_COMMENT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "order_reference", nullable = false, length = 32)
    private String orderReference;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(nullable = false)
    private int stars;

    @Column(length = MAX_COMMENT)
    private String comment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Rating() {
    }

    public Rating(long storeId, long orderId, String orderReference, long customerId, int stars, Instant now) {
        this.storeId = storeId;
        this.orderId = orderId;
        this.orderReference = orderReference;
        this.customerId = customerId;
        this.stars = stars;
        this.createdAt = now;
    }

    /** Adds what the customer wrote (or a photo's reference) to the comment, within its length. */
    public void addComment(String words) {
        String joined = comment == null ? words.strip() : comment + "\n" + words.strip();
        comment = joined.length() > MAX_COMMENT ? joined.substring(0, MAX_COMMENT) : joined;
    }

    public long getStoreId() {
        return storeId;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getOrderReference() {
        return orderReference;
    }

    public long getCustomerId() {
        return customerId;
    }

    public int getStars() {
        return stars;
    }

    public String getComment() {
        return comment;
    }
}
