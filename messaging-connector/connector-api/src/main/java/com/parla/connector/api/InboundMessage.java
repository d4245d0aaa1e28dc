package com.parla.connector.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message or event from a channel, normalized by the connector: the application never sees channel wire
 * formats. {@code (channel, accountKey, channelMessageId)} identifies it; channels redeliver, so the application
 * treats a second delivery of the same triple as a duplicate. Status callbacks are identified by the outbound
 * message id and the state ({@code wamid.X:delivered}), so each state is taken once.
 *
 * @param channel          the channel it came in on
 * @param accountKey       the store's channel account it came in on
 * @param channelMessageId the channel's own id of the message (or of the event, see above)
 * @param sender           the channel's id of the customer (wa_id, chat id, PSID, OpenID)
 * @param senderName       the customer's profile name when the channel gives one, else null
 * @param kind             what it is; decides which of the optional parts below are set
 * @param text             text, caption or button title; never null, may be empty
 * @param payload          the id behind a button, list row, callback or postback, else null
 * @param replyTo          the channel id of our message this answers, else null
 * @param location         for {@link Kind#LOCATION}
 * @param media            for {@link Kind#MEDIA}
 * @param orderItems       for {@link Kind#ORDER}: the cart sent from the channel's catalog
 * @param contacts         for {@link Kind#CONTACTS}
 * @param status           for {@link Kind#STATUS}
 * @param payment          for {@link Kind#PAYMENT} and {@link Kind#PAYMENT_CHECK}
 * @param interactionId    the channel's id of an interaction the connector acknowledges once the message is taken
 *                         (a Telegram callback query, whose button shows a spinner until then), else null
 * @param receivedAt       when the connector received it
 */
public record InboundMessage(Channel channel, String accountKey, String channelMessageId, String sender,
                             String senderName, Kind kind, String text, String payload, String replyTo,
                             Location location, Media media, List<OrderItem> orderItems, List<Contact> contacts,
                             DeliveryStatus status, Payment payment, String interactionId, Instant receivedAt)
        implements Serializable {

    public enum Kind {
        /** Typed text. */
        TEXT,
        /** A reply button, list row, template quick reply, callback query, postback or quick reply: see payload. */
        CHOICE,
        LOCATION,
        /** Image, video, audio, voice, document or sticker, by the channel's media reference. */
        MEDIA,
        /** A cart sent from the channel's catalog (WhatsApp order message). */
        ORDER,
        CONTACTS,
        /** What became of a message we sent: sent, delivered, read, failed. */
        STATUS,
        /** A payment completed in the channel (Telegram successful_payment). */
        PAYMENT,
        /** The channel asks whether a payment may proceed (Telegram pre_checkout_query); answer it at once. */
        PAYMENT_CHECK,
        /** The customer followed the account (WeChat subscribe) or started the bot. */
        SUBSCRIBE,
        /** The customer unfollowed or blocked the account. */
        UNSUBSCRIBE,
        /** Something the connector recognized but does not model (reaction, system, unsupported type). */
        OTHER
    }

    public record Location(double latitude, double longitude, String name, String address) implements Serializable {
    }

    /** @param reference the channel's media id or file id (fetched through the channel's API, never a public URL) */
    public record Media(String type, String reference, String mimeType, String fileName) implements Serializable {
    }

    /** @param productId the store's product code as the channel's catalog knows it */
    public record OrderItem(String productId, int quantity, BigDecimal itemPrice, String currency)
            implements Serializable {
    }

    public record Contact(String name, String phone) implements Serializable {
    }

    /**
     * @param messageId the channel's id of the message we sent
     * @param state     sent, delivered, read or failed
     * @param errorCode the channel's error code when failed, else null
     * @param error     the channel's error title, else null
     */
    public record DeliveryStatus(String messageId, State state, String errorCode, String error)
            implements Serializable {
        public enum State { SENT, DELIVERED, READ, FAILED }
    }

    /**
     * @param currency        ISO 4217 (or XTR for Telegram Stars)
     * @param amountMinor     total in the currency's smallest unit
     * @param invoicePayload  what we put in the invoice (our order reference)
     * @param chargeId        the channel's or provider's charge id; for PAYMENT_CHECK the query id to answer
     */
    public record Payment(String currency, long amountMinor, String invoicePayload, String chargeId)
            implements Serializable {
    }

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
        orderItems = orderItems == null ? List.of() : List.copyOf(orderItems);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public static Builder builder(Channel channel, String accountKey, String channelMessageId, Kind kind) {
        return new Builder(channel, accountKey, channelMessageId, kind);
    }

    /** Builds a message part by part; parsers set only what the wire carried. */
    public static final class Builder {
        private final Channel channel;
        private final String accountKey;
        private final String channelMessageId;
        private final Kind kind;
        private String sender;
        private String senderName;
        private String text;
        private String payload;
        private String replyTo;
        private Location location;
        private Media media;
        private List<OrderItem> orderItems;
        private List<Contact> contacts;
        private DeliveryStatus status;
        private Payment payment;
        private String interactionId;
        private Instant receivedAt = Instant.now();

        private Builder(Channel channel, String accountKey, String channelMessageId, Kind kind) {
            this.channel = channel;
            this.accountKey = accountKey;
            this.channelMessageId = channelMessageId;
            this.kind = kind;
        }

        public Builder sender(String sender) { this.sender = sender; return this; }
        public Builder senderName(String senderName) { this.senderName = senderName; return this; }
        public Builder text(String text) { this.text = text; return this; }
        public Builder payload(String payload) { this.payload = payload; return this; }
        public Builder replyTo(String replyTo) { this.replyTo = replyTo; return this; }
        public Builder location(Location location) { this.location = location; return this; }
        public Builder media(Media media) { this.media = media; return this; }
        public Builder orderItems(List<OrderItem> orderItems) { this.orderItems = orderItems; return this; }
        public Builder contacts(List<Contact> contacts) { this.contacts = contacts; return this; }
        public Builder status(DeliveryStatus status) { this.status = status; return this; }
        public Builder payment(Payment payment) { this.payment = payment; return this; }
        public Builder interactionId(String interactionId) { this.interactionId = interactionId; return this; }
        public Builder receivedAt(Instant receivedAt) { this.receivedAt = receivedAt; return this; }

        public InboundMessage build() {
            return new InboundMessage(channel, accountKey, channelMessageId, sender, senderName, kind, text, payload,
                    replyTo, location, media, orderItems, contacts, status, payment, interactionId, receivedAt);
        }
    }
}
