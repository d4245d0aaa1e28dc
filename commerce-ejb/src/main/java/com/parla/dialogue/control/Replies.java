package com.parla.dialogue.control;

import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of the bot's messages, cut to what every channel takes (WhatsApp's are the tightest: 3 buttons of 20
 * characters, 10 list rows of 24 with 72 for the description, 1,024 characters of body): the connector renders
 * them natively or degrades them (numbered text on WeChat), and refuses what does not fit, so nothing over the
 * limits is ever written.
 */
public final class Replies {

    public static final int MAX_BUTTONS = 3;
    public static final int MAX_ROWS = 10;
    static final int BUTTON_TITLE = 20;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int LIST_LABEL = 20;
    static final int BODY = 1024;
    /** Telegram's invoice description. */
    public static final int INVOICE_DESCRIPTION = 255;

    private final String accountKey;
    private final String recipient;
    private final List<OutboundMessage> messages = new ArrayList<>();
    /** The choices of the last message with any: what a typed answer is matched against. */
    private List<Choice> lastChoices = List.of();

    public Replies(String accountKey, String recipient) {
        this.accountKey = accountKey;
        this.recipient = recipient;
    }

    public Replies text(String text) {
        messages.add(OutboundMessage.builder(accountKey, recipient, OutboundMessage.Kind.TEXT)
                .text(cut(text, 4096)).build());
        return this;
    }

    public Replies buttons(String text, List<Choice> choices) {
        return buttons(text, choices, null);
    }

    /** Up to three reply buttons, with a picture above them when {@code imageUrl} is given (a product card). */
    public Replies buttons(String text, List<Choice> choices, String imageUrl) {
        List<Choice> fitted = choices.stream().limit(MAX_BUTTONS)
                .map(c -> new Choice(c.id(), cut(c.title(), BUTTON_TITLE), null)).toList();
        OutboundMessage.Builder b = OutboundMessage.builder(accountKey, recipient, OutboundMessage.Kind.BUTTONS)
                .text(cut(text, BODY)).choices(fitted);
        if (imageUrl != null) {
            b.media(new OutboundMessage.Media("image", imageUrl, null));
        }
        messages.add(b.build());
        lastChoices = fitted;
        return this;
    }

    /** Most products in one WhatsApp multi-product message. */
    public static final int MAX_PRODUCTS = 30;
    static final int PRODUCT_LIST_HEADER = 60;

    /**
     * Products of the channel's catalog (a WhatsApp product list), by their retailer ids; {@code choices} are the
     * same products, for a typed answer ("the second one").
     */
    public Replies productList(String header, String text, String catalogId, List<String> retailerIds,
                               List<Choice> choices) {
        messages.add(OutboundMessage.builder(accountKey, recipient, OutboundMessage.Kind.PRODUCT_LIST)
                .header(cut(header, PRODUCT_LIST_HEADER)).text(cut(text, BODY)).catalogId(catalogId)
                .productIds(retailerIds.stream().limit(MAX_PRODUCTS).toList()).build());
        lastChoices = choices;
        return this;
    }

    /** Up to ten rows behind a button ({@code label}); titles are what people read: names, sizes, prices. */
    public Replies list(String text, String label, List<Choice> rows) {
        List<Choice> fitted = rows.stream().limit(MAX_ROWS).map(c -> new Choice(c.id(), cut(c.title(), ROW_TITLE),
                c.description() == null ? null : cut(c.description(), ROW_DESCRIPTION), c.imageUrl())).toList();
        messages.add(OutboundMessage.builder(accountKey, recipient, OutboundMessage.Kind.LIST)
                .text(cut(text, BODY)).listLabel(cut(label, LIST_LABEL)).choices(fitted).build());
        lastChoices = fitted;
        return this;
    }

    public Replies locationRequest(String text) {
        messages.add(OutboundMessage.builder(accountKey, recipient, OutboundMessage.Kind.LOCATION_REQUEST)
                .text(cut(text, BODY)).build());
        return this;
    }

    /** A payment link as the channel shows one (WhatsApp: a call-to-action URL button). */
    public Replies payment(String text, OutboundMessage.PaymentRequest payment) {
        messages.add(OutboundMessage.builder(accountKey, recipient, OutboundMessage.Kind.PAYMENT_REQUEST)
                .text(cut(text, BODY)).payment(payment).build());
        return this;
    }

    public List<OutboundMessage> messages() {
        return List.copyOf(messages);
    }

    public List<Choice> lastChoices() {
        return lastChoices;
    }

    /** Cut at a word where possible, with an ellipsis. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max - 1);
        int space = head.lastIndexOf(' ');
        return (space > max / 2 ? head.substring(0, space) : head).stripTrailing() + "…";
    }
}
