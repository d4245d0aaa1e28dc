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
 * Its changing columns are only ever set by the bulk updates below, never by flushing the entity, so that
 * concurrent transactions (an inbound message, a dispatcher) cannot write each other's columns back.
 */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.OF_IDENTITY, query = "select c from Conversation c where c.identity = :identity")
@NamedQuery(name = Conversation.CLAIM, query = "update Conversation c set c.dispatchClaimedUntil = :until"
        + " where c.id = :id and (c.dispatchClaimedUntil is null or c.dispatchClaimedUntil < :now)")
@NamedQuery(name = Conversation.CUSTOMER_WROTE, query = "update Conversation c set c.lastInboundAt = :at"
        + " where c.id = :id and (c.lastInboundAt is null or c.lastInboundAt < :at)")
@NamedQuery(name = Conversation.GREET, query = "update Conversation c set c.greetedAt = :now"
        + " where c.id = :id and c.greetedAt is null")
@NamedQuery(name = Conversation.RELEASE, query = "update Conversation c set c.dispatchClaimedUntil = null"
        + " where c.id = :id")
public class Conversation {

    public static final String OF_IDENTITY = "Conversation.ofIdentity";
    public static final String CLAIM = "Conversation.claim";
    public static final String RELEASE = "Conversation.release";
    /** A customer's message keeps the service window open from its time (never moves it back). */
    public static final String CUSTOMER_WROTE = "Conversation.customerWrote";
    /** Marks the conversation greeted; one transaction only gets to do it. */
    public static final String GREET = "Conversation.greet";

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

    @Column(name = "greeted_at")
    private Instant greetedAt;

    protected Conversation() {
    }

    public Conversation(CustomerIdentity identity, Instant startedAt) {
        this.identity = identity;
        this.storeId = identity.getStoreId();
        this.channel = identity.getChannel();
        this.accountKey = identity.getAccountKey();
        this.startedAt = startedAt;
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

    public Instant getGreetedAt() {
        return greetedAt;
    }

    public Instant getLastInboundAt() {
        return lastInboundAt;
    }
}
