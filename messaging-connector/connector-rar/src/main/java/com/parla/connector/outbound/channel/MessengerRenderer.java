package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Media;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.parla.connector.outbound.channel.Rendering.array;
import static com.parla.connector.outbound.channel.Rendering.blank;
import static com.parla.connector.outbound.channel.Rendering.check;
import static com.parla.connector.outbound.channel.Rendering.maxChars;
import static com.parla.connector.outbound.channel.Rendering.object;
import static com.parla.connector.outbound.channel.Rendering.required;

/**
 * Messenger Send API (channels.md §3.2–3.3): {@code POST {apiUrl}/me/messages?access_token=…}, the form §3.2
 * documents first. Degradations: header and footer become lines of the text; a list of up to 3 rows becomes a
 * button template (its buttons stay in the thread) when its rows are short titles alone, otherwise the rows are
 * written out in the text, numbered, with their descriptions, under quick replies of their titles (cut to 20), unless
 * every row has a picture: then they are a generic-template carousel, a card per row (title, description, picture,
 * a postback button labelled with the list's label), and the text does not go (the application sends it first); buttons
 * under a picture become a one-card generic template (a product card); products become generic-template cards; an
 * image with a caption becomes a one-card generic template; a location request is its text (Messenger no longer
 * offers a location quick reply); {@code replyTo} is not rendered.
 */
public final class MessengerRenderer implements ChannelRenderer {

    private static final String CH = Channel.MESSENGER.wireName();
    /** Text limit from Meta's Send API reference (not in channels.md). */
    static final int MAX_TEXT = 2000;
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_TITLE = 20;
    static final int MAX_PAYLOAD = 1000;
    static final int MAX_TEMPLATE_TEXT = 640;
    static final int MAX_TEMPLATE_BUTTONS = 3;
    static final int MAX_ELEMENTS = 10;
    static final int MAX_ELEMENT_TEXT = 80;
    static final int MAX_METADATA = 1000;
    /** Tags allowed outside the standard window (§3.3). */
    static final Set<String> TAGS = Set.of("CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE",
            "HUMAN_AGENT");

    @Override
    public ChannelRequest render(OutboundMessage message, ChannelAccountRegistration account) {
        String token = Rendering.requiredToken(account);
        JsonObjectBuilder body = object().add("recipient", object().add("id", message.recipient()));
        JsonObjectBuilder msg = object();
        String messagingType = "RESPONSE";
        switch (message.kind()) {
            case TEXT -> msg.add("text", text(message, MAX_TEXT));
            case BUTTONS -> {
                if (message.media() != null && !blank(message.media().url())) {
                    msg.add("attachment", generic(array().add(card(message))));
                } else {
                    msg.add("text", text(message, MAX_TEXT)).add("quick_replies", quickReplies(message.choices()));
                }
            }
            case LIST -> {
                check(!message.choices().isEmpty(), CH, "list rows are required");
                if (fitsButtons(message.choices())) {
                    JsonArrayBuilder buttons = array();
                    for (Choice c : message.choices()) {
                        buttons.add(postback(c.title(), c.id()));
                    }
                    msg.add("attachment", buttonTemplate(text(message, MAX_TEMPLATE_TEXT), buttons));
                } else if (pictured(message.choices())) {
                    msg.add("attachment", generic(rowCards(message)));
                } else {
                    String text = numbered(message);
                    maxChars(text, MAX_TEXT, CH, "text");
                    msg.add("text", text).add("quick_replies", quickReplies(message.choices().stream()
                            .map(c -> new Choice(c.id(), cut(c.title(), MAX_TITLE), null)).toList()));
                }
            }
            case MEDIA -> msg.add("attachment", media(message));
            case PRODUCT -> msg.add("attachment", generic(array().add(productCard(message))));
            case PRODUCT_LIST -> msg.add("attachment", generic(productCards(message)));
            case TEMPLATE -> {
                OutboundMessage.Template template = message.template();
                check(template != null, CH, "TEMPLATE needs a template");
                check(template.name() != null && TAGS.contains(template.name()), CH,
                        "template name must be a message tag " + TAGS + ", got " + template.name());
                messagingType = "MESSAGE_TAG";
                body.add("tag", template.name());
                // a tag carries no parameters: the application gives the finished wording
                msg.add("text", text(message, MAX_TEXT));
            }
            case PAYMENT_REQUEST -> msg.add("attachment", payment(message));
            // Messenger removed its location quick reply: the request's text asks for the address
            case LOCATION_REQUEST -> msg.add("text", text(message, MAX_TEXT));
            default -> throw new UnsupportedMessageException(CH + ": " + message.kind() + " not supported");
        }
        if (!blank(message.reference())) {
            // echoed back in message_echoes
            maxChars(message.reference(), MAX_METADATA, CH, "reference (metadata)");
            msg.add("metadata", message.reference());
        }
        body.add("messaging_type", messagingType).add("message", msg);
        return Rendering.post(Rendering.base(account) + "/me/messages?access_token=" + Rendering.query(token),
                Rendering.JSON_HEADERS, body.build());
    }

    private static boolean fitsButtons(List<Choice> rows) {
        return rows.size() <= MAX_TEMPLATE_BUTTONS && rows.stream()
                .allMatch(c -> blank(c.description()) && c.title() != null && c.title().length() <= MAX_TITLE);
    }

    private static boolean pictured(List<Choice> rows) {
        return rows.size() <= MAX_ELEMENTS && rows.stream().allMatch(c -> !blank(c.imageUrl()));
    }

    /** A card per row: its title and description, its picture, one postback (the list's label) choosing it. */
    private static JsonArrayBuilder rowCards(OutboundMessage message) {
        String label = cut(blank(message.listLabel()) ? "Choose" : message.listLabel(), MAX_TITLE);
        JsonArrayBuilder cards = array();
        for (Choice c : message.choices()) {
            JsonObjectBuilder card = object().add("title", cut(required(c.title(), CH, "row title"), MAX_ELEMENT_TEXT))
                    .add("image_url", c.imageUrl());
            if (!blank(c.description())) {
                card.add("subtitle", cut(c.description(), MAX_ELEMENT_TEXT));
            }
            cards.add(card.add("buttons", array().add(postback(label, c.id()))));
        }
        return cards;
    }

    private static String numbered(OutboundMessage message) {
        StringBuilder text = new StringBuilder(required(Rendering.lines(message), CH, "text")).append('\n');
        int n = 0;
        for (Choice c : message.choices()) {
            text.append('\n').append(++n).append(". ").append(required(c.title(), CH, "row title"));
            if (!blank(c.description())) {
                text.append(" – ").append(c.description());
            }
        }
        return text.toString();
    }

    /** A card of buttons under a picture: the first line is the title, the rest the subtitle, each cut to fit. */
    private static JsonObjectBuilder card(OutboundMessage message) {
        String[] lines = required(Rendering.lines(message), CH, "text").split("\n", 2);
        // WhatsApp's *bold* marks mean nothing here
        JsonObjectBuilder card = object().add("title", cut(lines[0].replace("*", ""), MAX_ELEMENT_TEXT))
                .add("image_url", message.media().url());
        if (lines.length > 1 && !lines[1].isBlank()) {
            card.add("subtitle", cut(lines[1].replace('\n', ' '), MAX_ELEMENT_TEXT));
        }
        if (!message.choices().isEmpty()) {
            check(message.choices().size() <= MAX_TEMPLATE_BUTTONS, CH, "a card has at most "
                    + MAX_TEMPLATE_BUTTONS + " buttons, got " + message.choices().size());
            JsonArrayBuilder buttons = array();
            message.choices().forEach(c -> buttons.add(postback(c.title(), c.id())));
            card.add("buttons", buttons);
        }
        return card;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }

    private static String text(OutboundMessage message, int max) {
        String text = required(Rendering.lines(message), CH, "text");
        maxChars(text, max, CH, "text");
        return text;
    }

    private static JsonArrayBuilder quickReplies(List<Choice> choices) {
        int n = choices.size();
        check(n >= 1 && n <= MAX_QUICK_REPLIES, CH, "quick replies must be 1 to " + MAX_QUICK_REPLIES + ", got " + n);
        JsonArrayBuilder replies = array();
        for (Choice c : choices) {
            title(c.title());
            payload(c.id());
            replies.add(object().add("content_type", "text").add("title", c.title()).add("payload", c.id()));
        }
        return replies;
    }

    private static JsonObjectBuilder postback(String title, String payload) {
        title(title);
        payload(payload);
        return object().add("type", "postback").add("title", title).add("payload", payload);
    }

    private static void title(String title) {
        required(title, CH, "button title");
        maxChars(title, MAX_TITLE, CH, "button title '" + title + "'");
    }

    private static void payload(String payload) {
        check(!payload.isEmpty(), CH, "payload is required");
        maxChars(payload, MAX_PAYLOAD, CH, "payload");
    }

    private static JsonObjectBuilder buttonTemplate(String text, JsonArrayBuilder buttons) {
        return object().add("type", "template").add("payload", object().add("template_type", "button")
                .add("text", text).add("buttons", buttons));
    }

    private static JsonObjectBuilder generic(JsonArrayBuilder elements) {
        return object().add("type", "template").add("payload", object().add("template_type", "generic")
                .add("elements", elements));
    }

    private static JsonObjectBuilder media(OutboundMessage message) {
        Media media = message.media();
        check(media != null, CH, "MEDIA needs media");
        required(media.url(), CH, "media url");
        String type = media.type() == null ? "" : media.type();
        check(Set.of("image", "video", "audio", "document").contains(type), CH,
                "media type must be image, document, video or audio, got " + media.type());
        String caption = Rendering.lines(message);
        if (!caption.isEmpty()) {
            // attachments have no caption: an image with text is shown as a one-card generic template
            check("image".equals(type), CH, "a " + type + " attachment cannot carry a caption");
            maxChars(caption, MAX_ELEMENT_TEXT, CH, "caption (card title)");
            return generic(array().add(object().add("title", caption).add("image_url", media.url())));
        }
        return object().add("type", "document".equals(type) ? "file" : type)
                .add("payload", object().add("url", media.url()).add("is_reusable", true));
    }

    /** One card: title = header (else the product code), subtitle = text, the picture, the choices as postbacks. */
    private static JsonObjectBuilder productCard(OutboundMessage message) {
        check(message.productIds().size() == 1, CH, "PRODUCT needs exactly one product id, got "
                + message.productIds().size());
        String title = blank(message.header()) ? message.productIds().get(0) : message.header();
        maxChars(title, MAX_ELEMENT_TEXT, CH, "card title");
        JsonObjectBuilder card = object().add("title", title);
        if (!message.text().isEmpty()) {
            maxChars(message.text(), MAX_ELEMENT_TEXT, CH, "card subtitle");
            card.add("subtitle", message.text());
        }
        if (message.media() != null && !blank(message.media().url())) {
            card.add("image_url", message.media().url());
        }
        if (!message.choices().isEmpty()) {
            check(message.choices().size() <= MAX_TEMPLATE_BUTTONS, CH, "a card has at most "
                    + MAX_TEMPLATE_BUTTONS + " buttons, got " + message.choices().size());
            JsonArrayBuilder buttons = array();
            message.choices().forEach(c -> buttons.add(postback(c.title(), c.id())));
            card.add("buttons", buttons);
        }
        return card;
    }

    /** A carousel of product codes; the listLabel, when given, is a postback button on each card carrying the code. */
    private static JsonArrayBuilder productCards(OutboundMessage message) {
        int n = message.productIds().size();
        check(n >= 1 && n <= MAX_ELEMENTS, CH, "a carousel has 1 to " + MAX_ELEMENTS + " cards, got " + n);
        if (!message.text().isEmpty()) {
            maxChars(message.text(), MAX_ELEMENT_TEXT, CH, "card subtitle");
        }
        JsonArrayBuilder cards = array();
        for (String id : message.productIds()) {
            maxChars(id, MAX_ELEMENT_TEXT, CH, "card title");
            JsonObjectBuilder card = object().add("title", id);
            if (!message.text().isEmpty()) {
                card.add("subtitle", message.text());
            }
            if (!blank(message.listLabel())) {
                card.add("buttons", array().add(postback(message.listLabel(), id)));
            }
            cards.add(card);
        }
        return cards;
    }

    /** No payment button on Messenger (§3.2): a web_url button to our checkout. */
    private static JsonObjectBuilder payment(OutboundMessage message) {
        OutboundMessage.PaymentRequest payment = message.payment();
        check(payment != null, CH, "PAYMENT_REQUEST needs a payment");
        String url = required(payment.url(), CH, "payment url");
        String label = required(payment.title(), CH, "payment title (the button text)");
        title(label);
        String text = !message.text().isEmpty() ? Rendering.lines(message) : payment.description();
        required(text, CH, "text or payment description");
        maxChars(text, MAX_TEMPLATE_TEXT, CH, "text");
        return buttonTemplate(text, array().add(object().add("type", "web_url").add("title", label).add("url", url)));
    }
}
