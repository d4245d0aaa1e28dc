package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Media;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Set;

import static com.parla.connector.outbound.channel.Rendering.array;
import static com.parla.connector.outbound.channel.Rendering.blank;
import static com.parla.connector.outbound.channel.Rendering.check;
import static com.parla.connector.outbound.channel.Rendering.maxChars;
import static com.parla.connector.outbound.channel.Rendering.object;
import static com.parla.connector.outbound.channel.Rendering.required;

/**
 * WhatsApp Cloud API bodies (channels.md §1.7, §1.8, §1.10): {@code POST {apiUrl}/{phone number id}/messages} with
 * a Bearer token. The limits are checked here because Meta refuses a breach with a generic parameter error that
 * the retry policy cannot tell from other refusals.
 */
public final class WhatsAppRenderer implements ChannelRenderer {

    private static final String CH = Channel.WHATSAPP.wireName();
    static final int MAX_TEXT = 4096;
    static final int MAX_BODY = 1024;
    /** Header and footer text limit from Meta's interactive-message reference (not in channels.md). */
    static final int MAX_HEADER = 60;
    static final int MAX_FOOTER = 60;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_ID = 256;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_DESCRIPTION = 72;
    /** List row id limit from Meta's list-message reference (reply button ids allow 256). */
    static final int MAX_ROW_ID = 200;
    static final int MAX_LIST_BUTTON = 20;
    static final int MAX_PRODUCTS = 30;
    static final int MAX_CAPTION = 1024;
    private static final Set<String> MEDIA_TYPES = Set.of("image", "document", "video", "audio");

    @Override
    public ChannelRequest render(OutboundMessage message, ChannelAccountRegistration account) {
        String token = Rendering.requiredToken(account);
        required(account.externalId(), CH, "account externalId (phone number id)");
        JsonObjectBuilder body = object().add("messaging_product", "whatsapp").add("recipient_type", "individual");
        // a 2026 business-scoped user id (CC.xxxx) goes in "recipient"; a phone number (wa_id, digits) in "to"
        body.add(message.recipient().contains(".") ? "recipient" : "to", message.recipient());
        switch (message.kind()) {
            case TEXT -> text(message, body);
            case BUTTONS -> buttons(message, body);
            case LIST -> list(message, body);
            case MEDIA -> media(message, body);
            case PRODUCT -> product(message, body);
            case PRODUCT_LIST -> productList(message, body);
            case LOCATION_REQUEST -> interactive(body, object().add("type", "location_request_message")
                    .add("body", textObject(body(message)))
                    .add("action", object().add("name", "send_location")));
            case TEMPLATE -> template(message, body);
            case PAYMENT_REQUEST -> payment(message, body);
            default -> throw new UnsupportedMessageException(CH + ": " + message.kind() + " not supported");
        }
        if (!blank(message.replyTo())) {
            body.add("context", object().add("message_id", message.replyTo()));
        }
        if (!blank(message.reference())) {
            // echoed in the status webhooks, so a status can be matched to the outbox row
            body.add("biz_opaque_callback_data", message.reference());
        }
        return Rendering.post(Rendering.base(account) + "/" + Rendering.pathSegment(account.externalId()) + "/messages",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"), body.build());
    }

    private static void text(OutboundMessage message, JsonObjectBuilder body) {
        String text = required(Rendering.lines(message), CH, "text");
        maxChars(text, MAX_TEXT, CH, "text");
        // no link preview: a preview of a payment or tracking link could leak it to a crawler-style fetch and adds noise
        body.add("type", "text").add("text", object().add("body", text).add("preview_url", false));
    }

    private static void buttons(OutboundMessage message, JsonObjectBuilder body) {
        int n = message.choices().size();
        check(n >= 1 && n <= MAX_BUTTONS, CH, "reply buttons must be 1 to " + MAX_BUTTONS + ", got " + n);
        JsonArrayBuilder buttons = array();
        for (Choice c : message.choices()) {
            check(!c.id().isEmpty(), CH, "button id is required");
            maxChars(c.id(), MAX_BUTTON_ID, CH, "button id '" + c.id() + "'");
            required(c.title(), CH, "button title");
            maxChars(c.title(), MAX_BUTTON_TITLE, CH, "button title '" + c.title() + "'");
            buttons.add(object().add("type", "reply").add("reply", object().add("id", c.id()).add("title", c.title())));
        }
        JsonObjectBuilder interactive = object().add("type", "button");
        header(message, interactive, true);
        interactive.add("body", textObject(body(message)));
        footer(message, interactive);
        interactive(body, interactive.add("action", object().add("buttons", buttons)));
    }

    private static void list(OutboundMessage message, JsonObjectBuilder body) {
        int n = message.choices().size();
        check(n >= 1 && n <= MAX_ROWS, CH, "list rows must be 1 to " + MAX_ROWS + ", got " + n);
        String label = required(message.listLabel(), CH, "listLabel (the button that opens the list)");
        maxChars(label, MAX_LIST_BUTTON, CH, "listLabel");
        JsonArrayBuilder rows = array();
        for (Choice c : message.choices()) {
            check(!c.id().isEmpty(), CH, "row id is required");
            maxChars(c.id(), MAX_ROW_ID, CH, "row id '" + c.id() + "'");
            required(c.title(), CH, "row title");
            maxChars(c.title(), MAX_ROW_TITLE, CH, "row title '" + c.title() + "'");
            JsonObjectBuilder row = object().add("id", c.id()).add("title", c.title());
            if (!blank(c.description())) {
                maxChars(c.description(), MAX_ROW_DESCRIPTION, CH, "row description '" + c.description() + "'");
                row.add("description", c.description());
            }
            rows.add(row);
        }
        JsonObjectBuilder interactive = object().add("type", "list");
        header(message, interactive, false);
        interactive.add("body", textObject(body(message)));
        footer(message, interactive);
        // one section: a section title is only required when there are several
        interactive(body, interactive.add("action", object().add("button", label)
                .add("sections", array().add(object().add("rows", rows)))));
    }

    private static void media(OutboundMessage message, JsonObjectBuilder body) {
        Media media = message.media();
        check(media != null, CH, "MEDIA needs media");
        check(media.type() != null && MEDIA_TYPES.contains(media.type()), CH,
                "media type must be one of " + MEDIA_TYPES + ", got " + media.type());
        required(media.url(), CH, "media url");
        JsonObjectBuilder file = object().add("link", media.url());
        if (!message.text().isEmpty()) {
            check(!"audio".equals(media.type()), CH, "audio cannot carry a caption");
            maxChars(message.text(), MAX_CAPTION, CH, "caption");
            file.add("caption", message.text());
        }
        if ("document".equals(media.type()) && !blank(media.fileName())) {
            file.add("filename", media.fileName());
        }
        body.add("type", media.type()).add(media.type(), file);
    }

    private static void product(OutboundMessage message, JsonObjectBuilder body) {
        String catalog = required(message.catalogId(), CH, "catalogId");
        check(message.productIds().size() == 1, CH, "PRODUCT needs exactly one product id, got "
                + message.productIds().size());
        JsonObjectBuilder interactive = object().add("type", "product");
        if (!message.text().isEmpty()) { // body is optional for a single product
            maxChars(message.text(), MAX_BODY, CH, "body");
            interactive.add("body", textObject(message.text()));
        }
        footer(message, interactive);
        interactive(body, interactive.add("action", object().add("catalog_id", catalog)
                .add("product_retailer_id", message.productIds().get(0))));
    }

    private static void productList(OutboundMessage message, JsonObjectBuilder body) {
        String catalog = required(message.catalogId(), CH, "catalogId");
        int n = message.productIds().size();
        check(n >= 1 && n <= MAX_PRODUCTS, CH, "product list must have 1 to " + MAX_PRODUCTS + " products, got " + n);
        String header = required(message.header(), CH, "header (required for a product list)");
        maxChars(header, MAX_HEADER, CH, "header");
        JsonArrayBuilder items = array();
        message.productIds().forEach(id -> items.add(object().add("product_retailer_id", id)));
        JsonObjectBuilder interactive = object().add("type", "product_list")
                .add("header", object().add("type", "text").add("text", header))
                .add("body", textObject(body(message)));
        footer(message, interactive);
        interactive(body, interactive.add("action", object().add("catalog_id", catalog)
                .add("sections", array().add(object().add("product_items", items)))));
    }

    private static void template(OutboundMessage message, JsonObjectBuilder body) {
        OutboundMessage.Template template = message.template();
        check(template != null, CH, "TEMPLATE needs a template");
        required(template.name(), CH, "template name");
        required(template.language(), CH, "template language");
        JsonObjectBuilder t = object().add("name", template.name())
                .add("language", object().add("code", template.language()));
        if (!template.parameters().isEmpty()) {
            JsonArrayBuilder parameters = array();
            template.parameters().forEach(p -> parameters.add(object().add("type", "text").add("text", p)));
            t.add("components", array().add(object().add("type", "body").add("parameters", parameters)));
        }
        body.add("type", "template").add("template", t);
    }

    /**
     * Native WhatsApp payments exist only in India and Brazil (§1.10) and need a payment configuration per business;
     * everywhere else the documented way is a link to our own checkout, so render a call-to-action URL button.
     */
    private static void payment(OutboundMessage message, JsonObjectBuilder body) {
        OutboundMessage.PaymentRequest payment = message.payment();
        check(payment != null, CH, "PAYMENT_REQUEST needs a payment");
        String url = required(payment.url(), CH, "payment url (WhatsApp payments are sent as a link)");
        String label = required(payment.title(), CH, "payment title (the button text)");
        maxChars(label, MAX_BUTTON_TITLE, CH, "payment title");
        String text = !message.text().isEmpty() ? message.text() : payment.description();
        required(text, CH, "text or payment description");
        maxChars(text, MAX_BODY, CH, "body");
        JsonObjectBuilder interactive = object().add("type", "cta_url");
        header(message, interactive, false);
        interactive.add("body", textObject(text));
        footer(message, interactive);
        interactive(body, interactive.add("action", object().add("name", "cta_url")
                .add("parameters", object().add("display_text", label).add("url", url))));
    }

    private static String body(OutboundMessage message) {
        required(message.text(), CH, "text (the interactive body)");
        maxChars(message.text(), MAX_BODY, CH, "body");
        return message.text();
    }

    /** Text header; reply buttons may also show the media as an image, video or document header. */
    private static void header(OutboundMessage message, JsonObjectBuilder interactive, boolean mediaAllowed) {
        Media media = message.media();
        if (mediaAllowed && media != null && !blank(media.url())) {
            check(Set.of("image", "video", "document").contains(media.type()), CH,
                    "button header media must be image, video or document, got " + media.type());
            interactive.add("header", object().add("type", media.type()).add(media.type(),
                    object().add("link", media.url())));
        } else if (!blank(message.header())) {
            maxChars(message.header(), MAX_HEADER, CH, "header");
            interactive.add("header", object().add("type", "text").add("text", message.header()));
        }
    }

    private static void footer(OutboundMessage message, JsonObjectBuilder interactive) {
        if (!blank(message.footer())) {
            maxChars(message.footer(), MAX_FOOTER, CH, "footer");
            interactive.add("footer", textObject(message.footer()));
        }
    }

    private static JsonObjectBuilder textObject(String text) {
        return object().add("text", text);
    }

    private static void interactive(JsonObjectBuilder body, JsonObjectBuilder interactive) {
        body.add("type", "interactive").add("interactive", interactive);
    }
}
