package com.parla.conversation.entity;

import com.parla.connector.api.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer as one channel account knows them: channel user ids are scoped to the account. */
@Entity
@Table(name = "customer_identity")
@NamedQuery(name = CustomerIdentity.BY_ACCOUNT_USER, query = "select i from CustomerIdentity i"
        + " where i.accountKey = :accountKey and i.channelUserId = :channelUserId")
public class CustomerIdentity {

    public static final String BY_ACCOUNT_USER = "CustomerIdentity.byAccountUser";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "store_id", nullable = false)
    private long storeId;

    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "account_key", nullable = false, length = 64)
    private String accountKey;

    @Column(name = "channel_user_id", nullable = false, length = 128)
    private String channelUserId;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(name = "opted_out", nullable = false)
    private boolean optedOut;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    /** The person behind this identity; identities of one person on several channels share it. */
    @Column(name = "customer_id")
    private Long customerId;

    protected CustomerIdentity() {
    }

    public CustomerIdentity(long storeId, Channel channel, String accountKey, String channelUserId, Instant seenAt) {
        this.storeId = storeId;
        this.channel = channel;
        this.accountKey = accountKey;
        this.channelUserId = channelUserId;
        this.firstSeenAt = seenAt;
        this.lastSeenAt = seenAt;
    }

    public void seen(String name, Instant at) {
        if (name != null && !name.isBlank()) {
            displayName = name.length() > 200 ? name.substring(0, 200) : name;
        }
        if (at.isAfter(lastSeenAt)) {
            lastSeenAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public long getStoreId() {
        return storeId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAccountKey() {
        return accountKey;
    }

    public String getChannelUserId() {
        return channelUserId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isOptedOut() {
        return optedOut;
    }

    public void setOptedOut(boolean optedOut) {
        this.optedOut = optedOut;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }
}
