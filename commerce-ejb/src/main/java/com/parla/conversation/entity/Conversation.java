package com.parla.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The running conversation with one customer identity. The last inbound message opens the channel's
 * customer-service window; replies are dispatched by whoever holds the dispatch claim, one at a time, in order.
 */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.OF_IDENTITY, query = "select c from Conversation c where c.identity = :identity")
@NamedQuery(name = Conversation.CLAIM, query = "update Conversation c set c.dispatchClaimedUntil = :until"
        + " where c.id = :id and (c.dispatchClaimedUntil is null or c.dispatchClaimedUntil < :now)")
@NamedQuery(name = Conversation.RELEASE, query = "update Conversation c set c.dispatchClaimedUntil = null"
        + " where c.id = :id")
public class Conversation {

    public static final String OF_IDENTITY = "Conversation.ofIdentity";
    public static final String CLAIM = "Conversation.claim";
    public static final String RELEASE = "Conversation.release";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "identity_id")
    private CustomerIdentity identity;

    @Column(nullable = false, length = 16)
    private String channel;

    @Column(name = "account_key", nullable = false, length = 64)
    private String accountKey;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_inbound_at")
    private Instant lastInboundAt;

    @Column(name = "dispatch_claimed_until")
    private Instant dispatchClaimedUntil;

    protected Conversation() {
    }

    public Conversation(CustomerIdentity identity, Instant startedAt) {
        this.identity = identity;
        this.storeId = identity.getStoreId();
        this.channel = identity.getChannel();
        this.accountKey = identity.getAccountKey();
        this.startedAt = startedAt;
    }

    /** A customer's message (not a status callback) keeps the service window open from its time. */
    public void customerWrote(Instant at) {
        if (lastInboundAt == null || at.isAfter(lastInboundAt)) {
            lastInboundAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    public CustomerIdentity getIdentity() {
        return identity;
    }

    public String getChannel() {
        return channel;
    }

    public String getAccountKey() {
        return accountKey;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastInboundAt() {
        return lastInboundAt;
    }
}
