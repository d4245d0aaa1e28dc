package com.parla.conversation.entity;

import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An inbound channel message as received, once: (channel, account, channel message id) is unique. */
@Entity
@Table(name = "received_message")
@NamedQuery(name = ReceivedMessage.BY_CHANNEL_ID, query = "select m from ReceivedMessage m where m.channel = :channel"
        + " and m.accountKey = :accountKey and m.channelMessageId = :channelMessageId")
public class ReceivedMessage {

    public static final String BY_CHANNEL_ID = "ReceivedMessage.byChannelId";
    static final int MAX_BODY = 4096;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "account_key", nullable = false, length = 64)
    private String accountKey;

    @Column(name = "channel_message_id", nullable = false, length = 128)
    private String channelMessageId;

    @Column(nullable = false, length = 128)
    private String sender;

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(length = 256)
    private String payload;

    /** The intent the assistant read in it, and how sure it was (0..1); null if nothing was classified. */
    @Column(length = 64)
    private String intent;

    @Column(name = "intent_confidence")
    private Double intentConfidence;

    /** The intent a person of the store said it really was. */
    @Column(name = "intent_corrected", length = 64)
    private String intentCorrected;

    /** Between quantity and retailer id in the lines of a catalog cart's body. */
    public static final String ORDER_TIMES = " × ";

    protected ReceivedMessage() {
    }

    public ReceivedMessage(InboundMessage message) {
        this.channel = message.channel();
        this.accountKey = message.accountKey();
        this.channelMessageId = message.channelMessageId();
        this.sender = message.sender() == null ? "" : message.sender();
        this.kind = message.kind().name();
        // PostgreSQL text cannot hold NUL; a message carrying one must still be stored, not bounce forever
        String text = (message.kind() == InboundMessage.Kind.LOCATION && message.text().isBlank()
                ? describe(message.location()) : message.kind() == InboundMessage.Kind.ORDER
                ? describe(message.orderItems(), message.text()) : message.text()).replace("\u0000", "");
        this.body = text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
        this.receivedAt = message.receivedAt();
        this.payload = message.payload() == null || message.payload().length() <= 256 ? message.payload()
                : message.payload().substring(0, 256);
    }

    public ReceivedMessage(InboundMessage message, Long conversationId) {
        this(message);
        this.conversationId = conversationId;
    }

    /** A cart sent from a channel catalog, a line per item ("2 × SKU"), then what the customer wrote with it. */
    private static String describe(java.util.List<InboundMessage.OrderItem> items, String text) {
        StringBuilder lines = new StringBuilder();
        (items == null ? java.util.List.<InboundMessage.OrderItem>of() : items).forEach(i -> lines
                .append(i.quantity()).append(ORDER_TIMES).append(i.productId()).append('\n'));
        return lines + (text == null ? "" : text);
    }

    /** A shared location as the store reads it: its name and address, then the coordinates. */
    private static String describe(InboundMessage.Location location) {
        if (location == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String part : new String[]{location.name(), location.address()}) {
            if (part != null && !part.isBlank()) {
                text.append(part.strip()).append(", ");
            }
        }
        return text.append(String.format(java.util.Locale.ROOT, "%.6f,%.6f", location.latitude(),
                location.longitude())).toString();
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAccountKey() {
        return accountKey;
    }

    public String getChannelMessageId() {
        return channelMessageId;
    }

    public String getSender() {
        return sender;
    }

    public String getKind() {
        return kind;
    }

    public String getBody() {
        return body;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    /** What the assistant read in it. */
    public void read(String intent, double confidence) {
        this.intent = intent;
        this.intentConfidence = confidence;
    }

    /** What a person of the store said it really was. */
    public void correct(String intent) {
        this.intentCorrected = intent;
    }
}
