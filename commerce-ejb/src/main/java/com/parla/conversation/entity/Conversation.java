package com.parla.conversation.entity;

import com.parla.connector.api.Channel;
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
 * The running conversation with one customer identity. The customer's last message opens the channel's
 * customer-service window; replies are dispatched by whoever holds the dispatch claim, one at a time, in order.
 * <p>
 * The columns that concurrent transactions change (the window, the greeting, the dispatch claim) are written only
 * by the conditional bulk updates below, run by {@code ConversationUpdates}, never by flushing this entity (they
 * are not updatable), so that an inbound message and a dispatcher cannot write each other's values back. The
 * entity mirrors what those updates did, so that the rest of a transaction sees it.
 */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.OF_CUSTOMER, query = "select c from Conversation c join fetch c.identity i"
        + " where i.accountKey = :accountKey and i.channelUserId = :channelUserId")
@NamedQuery(name = Conversation.CLAIM, query = "update Conversation c set c.dispatchClaimedUntil = :until,"
        + " c.dispatchClaimedBy = :server"
        + " where c.id = :id and (c.dispatchClaimedUntil is null or c.dispatchClaimedUntil < :now)")
@NamedQuery(name = Conversation.CUSTOMER_WROTE, query = "update Conversation c set c.lastInboundAt = :at"
        + " where c.id = :id and (c.lastInboundAt is null or c.lastInboundAt < :at)")
@NamedQuery(name = Conversation.GREET, query = "update Conversation c set c.greetedAt = :now"
        + " where c.id = :id and c.greetedAt is null")
@NamedQuery(name = Conversation.RELEASE, query = "update Conversation c set c.dispatchClaimedUntil = null,"
        + " c.dispatchClaimedBy = null where c.id = :id")
@NamedQuery(name = Conversation.ASSIGN, query = "update Conversation c set c.assignedStaffId = :staff,"
        + " c.assignedAt = :at where c.id = :id")
@NamedQuery(name = Conversation.ASSIGN_IF_FREE, query = "update Conversation c set c.assignedStaffId = :staff,"
        + " c.assignedAt = :at where c.id = :id and c.assignedStaffId is null")
@NamedQuery(name = Conversation.RELEASE_ALL_OF, query = "update Conversation c set c.dispatchClaimedUntil = null,"
        + " c.dispatchClaimedBy = null where c.dispatchClaimedBy = :server")
public class Conversation {

    /** A customer's conversation, with their identity, by the account and the channel's id of the customer. */
    public static final String OF_CUSTOMER = "Conversation.ofCustomer";
    public static final String CLAIM = "Conversation.claim";
    public static final String RELEASE = "Conversation.release";
    /** Frees every claim a server holds: it starts again, so none of its dispatches is running. */
    public static final String RELEASE_ALL_OF = "Conversation.releaseAllOf";
    /** A customer's message keeps the service window open from its time (never moves it back). */
    public static final String CUSTOMER_WROTE = "Conversation.customerWrote";
    /** Marks the conversation greeted; one transaction only gets to do it. */
    public static final String GREET = "Conversation.greet";
    /** Gives the conversation to a person of the store (null: to nobody in particular). */
    public static final String ASSIGN = "Conversation.assign";
    /** Gives the conversation to a person if nobody has it. */
    public static final String ASSIGN_IF_FREE = "Conversation.assignIfFree";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "identity_id")
    private CustomerIdentity identity;

    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "account_key", nullable = false, length = 64)
    private String accountKey;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_inbound_at", updatable = false)
    private Instant lastInboundAt;

    @Column(name = "dispatch_claimed_until", insertable = false, updatable = false)
    private Instant dispatchClaimedUntil;

    @Column(name = "dispatch_claimed_by", insertable = false, updatable = false, length = 64)
    private String dispatchClaimedBy;

    @Column(name = "assigned_staff_id", insertable = false, updatable = false)
    private Long assignedStaffId;

    @Column(name = "assigned_at", insertable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "greeted_at", updatable = false)
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

    /** Whether a free-form reply may go now: inside the channel's customer-service window, or it has none. */
    public boolean freeFormAllowed(Instant now) {
        return channel.windowOpen(lastInboundAt, now);
    }

    /** When the service window closes, or null for channels without one or when the customer never wrote. */
    public Instant windowClosesAt() {
        return channel.windowClosesAt(lastInboundAt);
    }

    public boolean greeted() {
        return greetedAt != null;
    }

    /** Mirrors {@link #CUSTOMER_WROTE}: the window is kept open from the latest message's time. */
    public void customerWroteAt(Instant at) {
        if (lastInboundAt == null || lastInboundAt.isBefore(at)) {
            lastInboundAt = at;
        }
    }

    /** Mirrors {@link #GREET}, once it changed the row. */
    public void greetedAt(Instant at) {
        if (greetedAt == null) {
            greetedAt = at;
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

    public Channel getChannel() {
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
