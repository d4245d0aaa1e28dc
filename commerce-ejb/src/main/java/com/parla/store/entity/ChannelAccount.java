package com.parla.store.entity;

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
 * A store's account on one channel (a WhatsApp number, a Telegram bot, a Messenger page, a WeChat official
 * account). {@code accountKey} is the public part of its webhook URL; the secrets never leave the server.
 */
@Entity
@Table(name = "channel_account")
@NamedQuery(name = ChannelAccount.ENABLED_BY_KEY, query = "select a from ChannelAccount a join fetch a.store"
        + " where a.accountKey = :key and a.enabled = true")
@NamedQuery(name = ChannelAccount.ENABLED, query = "select a from ChannelAccount a where a.enabled = true")
public class ChannelAccount {

    public static final String ENABLED_BY_KEY = "ChannelAccount.enabledByKey";
    public static final String ENABLED = "ChannelAccount.enabled";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "store_id")
    private Store store;

    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "account_key", nullable = false, length = 64, unique = true)
    private String accountKey;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    /** The channel's id of the account: phone number id, bot username, page id, app id. */
    @Column(name = "external_id", nullable = false, length = 128)
    private String externalId;

    @Column(name = "verify_token", length = 128)
    private String verifyToken;

    @Column(name = "app_secret", length = 256)
    private String appSecret;

    @Column(name = "access_token", length = 1024)
    private String accessToken;

    /** Telegram: the payment provider token from @BotFather for card invoices; null = payment links. */
    @Column(name = "payment_token", length = 256)
    private String paymentToken;

    /** The send rate when it is not the channel's default (a WhatsApp number upgraded to 1,000/s); 0 = default. */
    @Column(name = "messages_per_second", nullable = false)
    private int messagesPerSecond;

    /** The channel API this account talks to when not the installation's (a simulator); null = the installation's. */
    @Column(name = "api_url", length = 500)
    private String apiUrl;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChannelAccount() {
    }

    public ChannelAccount(Store store, Channel channel, String accountKey, String displayName, String externalId) {
        this.store = store;
        this.channel = channel;
        this.accountKey = accountKey;
        this.displayName = displayName;
        this.externalId = externalId;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public void setSecrets(String verifyToken, String appSecret, String accessToken) {
        this.verifyToken = verifyToken;
        this.appSecret = appSecret;
        this.accessToken = accessToken;
    }

    public void setPaymentToken(String paymentToken) {
        this.paymentToken = paymentToken;
    }

    public String getPaymentToken() {
        return paymentToken;
    }

    public int getMessagesPerSecond() {
        return messagesPerSecond;
    }

    public void setMessagesPerSecond(int messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public Long getId() {
        return id;
    }

    public Store getStore() {
        return store;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAccountKey() {
        return accountKey;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getExternalId() {
        return externalId;
    }

    /** WhatsApp/Messenger hub.verify_token; WeChat server token. */
    public String getVerifyToken() {
        return verifyToken;
    }

    /** WhatsApp/Messenger app secret; Telegram webhook secret token; WeChat EncodingAESKey. */
    public String getAppSecret() {
        return appSecret;
    }

    /** WhatsApp/Messenger access token; Telegram bot token; WeChat access token. */
    public String getAccessToken() {
        return accessToken;
    }

    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        // secrets deliberately left out: this may end up in logs
        return "ChannelAccount[" + channel + " " + accountKey + "]";
    }
}
