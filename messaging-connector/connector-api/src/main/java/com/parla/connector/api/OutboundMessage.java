package com.parla.connector.api;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A message to a customer, normalized: the connector renders it into the channel's own request. What a channel
 * cannot show natively is degraded in a documented way (for example a product card becomes a photo with a
 * caption on Telegram, buttons become numbered text on WeChat).
 *
 * @param accountKey  the store's channel account to send from
 * @param recipient   the channel's id of the customer (wa_id, chat id, PSID, OpenID)
 * @param kind        what to send; decides which parts below are used
 * @param text        body text (caption for media, prompt for a list or location request)
 * @param header      optional header line (WhatsApp interactive header, Telegram bold first line)
 * @param footer      optional footer line
 * @param choices     reply buttons ({@link Kind#BUTTONS}) or list rows ({@link Kind#LIST})
 * @param listLabel   label of the button that opens a list
 * @param media       for {@link Kind#MEDIA} and the picture of a {@link Kind#PRODUCT} card
 * @param catalogId   the channel catalog of {@link Kind#PRODUCT} / {@link Kind#PRODUCT_LIST}
 * @param productIds  product codes for {@link Kind#PRODUCT} (one) and {@link Kind#PRODUCT_LIST}
 * @param template    for {@link Kind#TEMPLATE}: the only free-standing message outside the service window
 * @param payment     for {@link Kind#PAYMENT_REQUEST}
 * @param replyTo     the channel id of the customer's message this answers, or null
 * @param reference   our own reference (the outbox id); echoed back by channels that support it
 */
public record OutboundMessage(String accountKey, String recipient, Kind kind, String text, String header,
                              String footer, List<Choice> choices, String listLabel, Media media, String catalogId,
                              List<String> productIds, Template template, PaymentRequest payment, String replyTo,
                              String reference) implements Serializable {

    public enum Kind {
        TEXT, BUTTONS, LIST, MEDIA, PRODUCT, PRODUCT_LIST, LOCATION_REQUEST, TEMPLATE, PAYMENT_REQUEST,
        /**
         * The answer to a channel's payment check (Telegram {@code pre_checkout_query}), not a message in the thread:
         * the recipient is the check's id ({@link InboundMessage.Payment#chargeId()}), the text empty when the
         * payment may proceed, else the reason the customer reads.
         */
        PAYMENT_ANSWER
    }

    /**
     * A reply button or a list row: the id comes back as the inbound message's payload.
     *
     * @param imageUrl a picture of what it chooses (a product's), shown where the channel can (Messenger cards), or null
     */
    public record Choice(String id, String title, String description, String imageUrl) implements Serializable {
        /** The one JSON-B builds (the outbox keeps messages as JSON); an older message without a picture has none. */
        @jakarta.json.bind.annotation.JsonbCreator
        public Choice(@jakarta.json.bind.annotation.JsonbProperty("id") String id,
                      @jakarta.json.bind.annotation.JsonbProperty("title") String title,
                      @jakarta.json.bind.annotation.JsonbProperty("description") String description,
                      @jakarta.json.bind.annotation.JsonbProperty("imageUrl") String imageUrl) {
            this.id = Objects.requireNonNull(id, "choice id");
            this.title = Objects.requireNonNull(title, "choice title");
            this.description = description;
            this.imageUrl = imageUrl;
        }

        /** A choice without a picture. */
        public Choice(String id, String title, String description) {
            this(id, title, description, null);
        }
    }

    /** @param type image, document, video or audio; @param url a public HTTPS link to the file */
    public record Media(String type, String url, String fileName) implements Serializable {
    }

    /**
     * An approved template (WhatsApp template, WeChat template message, Messenger utility template).
     *
     * @param parameters the body parameters in order
     */
    public record Template(String name, String language, List<String> parameters) implements Serializable {
        public Template {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }
    }

    /**
     * @param amountMinor total in the currency's smallest unit
     * @param payload     our order reference, returned with the payment event
     * @param url         a payment link, for channels without native payments
     */
    public record PaymentRequest(String title, String description, String currency, long amountMinor,
                                 String payload, String url) implements Serializable {
    }

    public OutboundMessage {
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        choices = choices == null ? List.of() : List.copyOf(choices);
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }

    public static OutboundMessage text(String accountKey, String recipient, String text) {
        return builder(accountKey, recipient, Kind.TEXT).text(text).build();
    }

    public static Builder builder(String accountKey, String recipient, Kind kind) {
        return new Builder(accountKey, recipient, kind);
    }

    /** Whether a channel with a customer-service window accepts this only inside it. */
    public boolean needsOpenWindow() {
        return kind != Kind.TEMPLATE;
    }

    public static final class Builder {
        private final String accountKey;
        private final String recipient;
        private final Kind kind;
        private String text;
        private String header;
        private String footer;
        private List<Choice> choices;
        private String listLabel;
        private Media media;
        private String catalogId;
        private List<String> productIds;
        private Template template;
        private PaymentRequest payment;
        private String replyTo;
        private String reference;

        private Builder(String accountKey, String recipient, Kind kind) {
            this.accountKey = accountKey;
            this.recipient = recipient;
            this.kind = kind;
        }

        public Builder text(String text) { this.text = text; return this; }
        public Builder header(String header) { this.header = header; return this; }
        public Builder footer(String footer) { this.footer = footer; return this; }
        public Builder choices(List<Choice> choices) { this.choices = choices; return this; }
        public Builder listLabel(String listLabel) { this.listLabel = listLabel; return this; }
        public Builder media(Media media) { this.media = media; return this; }
        public Builder catalogId(String catalogId) { this.catalogId = catalogId; return this; }
        public Builder productIds(List<String> productIds) { this.productIds = productIds; return this; }
        public Builder template(Template template) { this.template = template; return this; }
        public Builder payment(PaymentRequest payment) { this.payment = payment; return this; }
        public Builder replyTo(String replyTo) { this.replyTo = replyTo; return this; }
        public Builder reference(String reference) { this.reference = reference; return this; }

        public OutboundMessage build() {
            return new OutboundMessage(accountKey, recipient, kind, text, header, footer, choices, listLabel, media,
                    catalogId, productIds, template, payment, replyTo, reference);
        }
    }
}
