package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import com.parla.connector.api.OutboundMessage.Media;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

import static com.parla.connector.outbound.channel.Rendering.array;
import static com.parla.connector.outbound.channel.Rendering.blank;
import static com.parla.connector.outbound.channel.Rendering.check;
import static com.parla.connector.outbound.channel.Rendering.maxChars;
import static com.parla.connector.outbound.channel.Rendering.object;
import static com.parla.connector.outbound.channel.Rendering.required;

/**
 * Telegram Bot API calls (channels.md §2.2–2.4): {@code POST {apiUrl}/bot{token}/{method}} with a JSON body.
 * Degradations: a list becomes an inline keyboard (one row per entry, descriptions dropped); a product card becomes
 * a photo with caption; a product list becomes text plus buttons; Telegram has no templates (see {@link #render}).
 */
public final class TelegramRenderer implements ChannelRenderer {

    private static final String CH = Channel.TELEGRAM.wireName();
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    static final int MAX_INVOICE_TITLE = 32;
    static final int MAX_INVOICE_DESCRIPTION = 255;
    static final int MAX_INVOICE_PAYLOAD_BYTES = 128;
    /** Telegram Stars: digital goods, no payment provider (§2.4). */
    static final String STARS = "XTR";

    /**
     * TEMPLATE: Telegram has no window and no templates, so a template's only purpose (reaching the customer later)
     * needs none; but turning a template name and bare parameters into prose would send gibberish. The application
     * must therefore put the finished wording in {@code text}, which is then sent as a plain message; without it the
     * message is unsupported.
     */
    @Override
    public ChannelRequest render(OutboundMessage message, ChannelAccountRegistration account) {
        if (message.kind() == OutboundMessage.Kind.PAYMENT_ANSWER) {
            // addressed to the pre-checkout query, not to a chat
            return answerPreCheckoutQuery(account, message.recipient(),
                    message.text().isEmpty() ? null : message.text());
        }
        JsonObjectBuilder body = object().add("chat_id", chatId(message.recipient()));
        String method;
        switch (message.kind()) {
            case TEXT -> method = sendMessage(message, body);
            case TEMPLATE -> {
                check(!message.text().isEmpty(), CH, "no templates on Telegram: give the finished wording as text");
                method = sendMessage(message, body);
            }
            case BUTTONS -> {
                // buttons under a picture (a product card): a photo with its caption and the inline keyboard
                boolean picture = message.media() != null && "image".equals(message.media().type())
                        && !blank(message.media().url());
                method = picture ? media(message, body) : sendMessage(message, body);
                body.add("reply_markup", inlineKeyboard(message.choices(), false));
            }
            case LIST -> {
                method = sendMessage(message, body);
                body.add("reply_markup", inlineKeyboard(message.choices(), true));
            }
            case MEDIA -> method = media(message, body);
            case PRODUCT -> method = product(message, body);
            case PRODUCT_LIST -> method = productList(message, body);
            case LOCATION_REQUEST -> {
                method = sendMessage(message, body);
                // a reply keyboard button shares the location; the pin works in every language when no label is given
                String label = blank(message.listLabel()) ? "\uD83D\uDCCD" : message.listLabel();
                body.add("reply_markup", object()
                        .add("keyboard", array().add(array().add(object().add("text", label).add("request_location", true))))
                        .add("resize_keyboard", true).add("one_time_keyboard", true));
            }
            case PAYMENT_REQUEST -> method = payment(message, body, account.paymentToken());
            default -> throw new UnsupportedMessageException(CH + ": " + message.kind() + " not supported");
        }
        if (!blank(message.replyTo())) {
            // reply_parameters replaced reply_to_message_id; still send if the quoted message was deleted meanwhile
            body.add("reply_parameters", object().add("message_id", messageId(message.replyTo()))
                    .add("allow_sending_without_reply", true));
        }
        return request(account, method, body);
    }

    /** {@code answerPreCheckoutQuery}: must go out within 10 s of the pre_checkout_query (§2.4). */
    public ChannelRequest answerPreCheckoutQuery(ChannelAccountRegistration account, String queryId, String errorMessage) {
        JsonObjectBuilder body = object().add("pre_checkout_query_id", required(queryId, CH, "pre_checkout_query id"));
        if (errorMessage == null) {
            body.add("ok", true);
        } else {
            body.add("ok", false).add("error_message", errorMessage);
        }
        return request(account, "answerPreCheckoutQuery", body);
    }

    /** {@code answerCallbackQuery}: stops the button's progress indicator (§2.2); text may be null. */
    public ChannelRequest answerCallbackQuery(ChannelAccountRegistration account, String callbackQueryId, String text) {
        JsonObjectBuilder body = object().add("callback_query_id", required(callbackQueryId, CH, "callback_query id"));
        if (!blank(text)) {
            maxChars(text, 200, CH, "callback answer text");
            body.add("text", text);
        }
        return request(account, "answerCallbackQuery", body);
    }

    private static ChannelRequest request(ChannelAccountRegistration account, String method, JsonObjectBuilder body) {
        String token = Rendering.requiredToken(account);
        return Rendering.post(Rendering.base(account) + "/bot" + token + "/" + method, Rendering.JSON_HEADERS,
                body.build());
    }

    private static String sendMessage(OutboundMessage message, JsonObjectBuilder body) {
        formatted(message, body, "text", MAX_TEXT);
        return "sendMessage";
    }

    private static String media(OutboundMessage message, JsonObjectBuilder body) {
        Media media = message.media();
        check(media != null, CH, "MEDIA needs media");
        required(media.url(), CH, "media url");
        // a file sent by URL keeps the server's name: Telegram only takes a file name with an upload
        String method;
        switch (media.type() == null ? "" : media.type()) {
            case "image" -> method = "sendPhoto";
            case "document" -> method = "sendDocument";
            case "video" -> method = "sendVideo";
            case "audio" -> method = "sendAudio";
            default -> throw new UnsupportedMessageException(CH + ": media type must be image, document, video or audio, got "
                    + media.type());
        }
        String field = method.substring(4).toLowerCase(java.util.Locale.ROOT);
        body.add(field, media.url());
        caption(message, body);
        return method;
    }

    private static String product(OutboundMessage message, JsonObjectBuilder body) {
        check(message.productIds().size() == 1, CH, "PRODUCT needs exactly one product id, got "
                + message.productIds().size());
        String method;
        if (message.media() != null && !blank(message.media().url())) {
            body.add("photo", message.media().url());
            caption(message, body);
            method = "sendPhoto";
        } else {
            method = sendMessage(message, body);
        }
        if (!message.choices().isEmpty()) {
            body.add("reply_markup", inlineKeyboard(message.choices(), false));
        }
        return method;
    }

    /** No catalogs on Telegram: the text lists the product codes; the buttons are the choices, else one per product. */
    private static String productList(OutboundMessage message, JsonObjectBuilder body) {
        check(!message.productIds().isEmpty(), CH, "PRODUCT_LIST needs product ids");
        StringBuilder text = new StringBuilder(message.text());
        message.productIds().forEach(id -> text.append(text.length() == 0 ? "" : "\n").append("• ").append(id));
        OutboundMessage listed = OutboundMessage.builder(message.accountKey(), message.recipient(), message.kind())
                .header(message.header()).text(text.toString()).footer(message.footer()).build();
        formatted(listed, body, "text", MAX_TEXT);
        List<Choice> buttons = !message.choices().isEmpty() ? message.choices()
                : message.productIds().stream().map(id -> new Choice(id, id, null)).toList();
        body.add("reply_markup", inlineKeyboard(buttons, true));
        return "sendMessage";
    }

    private static String payment(OutboundMessage message, JsonObjectBuilder body, String providerToken) {
        OutboundMessage.PaymentRequest payment = message.payment();
        check(payment != null, CH, "PAYMENT_REQUEST needs a payment");
        String currency = required(payment.currency(), CH, "currency");
        boolean card = !STARS.equals(currency);
        if (card && blank(providerToken)) {
            // a card invoice needs the account's provider token from @BotFather; without one, the payment link (our
            // own checkout) is the documented fallback
            String url = required(payment.url(), CH, "payment url (invoices in " + currency
                    + " need the account's payment provider token)");
            String label = required(payment.title(), CH, "payment title (the button text)");
            String text = !message.text().isEmpty() ? message.text() : payment.description();
            required(text, CH, "text or payment description");
            maxChars(text, MAX_TEXT, CH, "text");
            body.add("text", text).add("reply_markup", object().add("inline_keyboard",
                    array().add(array().add(object().add("text", label).add("url", url)))));
            return "sendMessage";
        }
        String title = required(payment.title(), CH, "invoice title");
        maxChars(title, MAX_INVOICE_TITLE, CH, "invoice title");
        String description = !blank(payment.description()) ? payment.description() : message.text();
        required(description, CH, "invoice description");
        maxChars(description, MAX_INVOICE_DESCRIPTION, CH, "invoice description");
        String payload = required(payment.payload(), CH, "invoice payload");
        check(Rendering.utf8Bytes(payload) <= MAX_INVOICE_PAYLOAD_BYTES, CH,
                "invoice payload is " + Rendering.utf8Bytes(payload) + " bytes, at most " + MAX_INVOICE_PAYLOAD_BYTES);
        check(payment.amountMinor() > 0, CH, "invoice amount must be positive");
        if (card) {
            body.add("provider_token", providerToken);
        }
        // one price item: the order's total (Stars take exactly one; the lines are in the description)
        body.add("title", title).add("description", description).add("payload", payload).add("currency", currency)
                .add("prices", array().add(object().add("label", title).add("amount", payment.amountMinor())));
        return "sendInvoice";
    }

    private static void caption(OutboundMessage message, JsonObjectBuilder body) {
        if (!blank(Rendering.lines(message))) {
            formatted(message, body, "caption", MAX_CAPTION);
        }
    }

    /**
     * Header as a bold first line and footer as an italic last line (HTML parse mode, so the text is escaped);
     * plain text goes without a parse mode so that nothing in it is taken for markup.
     */
    private static void formatted(OutboundMessage message, JsonObjectBuilder body, String field, int max) {
        String plain = Rendering.lines(message);
        required(plain, CH, field);
        maxChars(plain, max, CH, field);
        if (blank(message.header()) && blank(message.footer())) {
            body.add(field, message.text());
            return;
        }
        StringBuilder html = new StringBuilder();
        if (!blank(message.header())) {
            html.append("<b>").append(escape(message.header())).append("</b>");
        }
        if (!message.text().isEmpty()) {
            html.append(html.length() == 0 ? "" : "\n").append(escape(message.text()));
        }
        if (!blank(message.footer())) {
            html.append(html.length() == 0 ? "" : "\n").append("<i>").append(escape(message.footer())).append("</i>");
        }
        body.add(field, html.toString()).add("parse_mode", "HTML");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Buttons side by side in one row (as WhatsApp shows reply buttons), list entries one per row. */
    private static JsonObjectBuilder inlineKeyboard(List<Choice> choices, boolean onePerRow) {
        check(!choices.isEmpty(), CH, "buttons or list rows are required");
        JsonArrayBuilder rows = array();
        JsonArrayBuilder row = array();
        for (Choice c : choices) {
            int bytes = Rendering.utf8Bytes(c.id());
            check(bytes >= 1 && bytes <= MAX_CALLBACK_DATA_BYTES, CH, "callback_data '" + c.id() + "' is " + bytes
                    + " bytes in UTF-8, 1 to " + MAX_CALLBACK_DATA_BYTES + " allowed");
            required(c.title(), CH, "button text");
            JsonObjectBuilder button = object().add("text", c.title()).add("callback_data", c.id());
            if (onePerRow) {
                rows.add(array().add(button));
            } else {
                row.add(button);
            }
        }
        if (!onePerRow) {
            rows.add(row);
        }
        return object().add("inline_keyboard", rows);
    }

    /** Private chats have numeric ids; a public channel is addressed as @name. */
    private static jakarta.json.JsonValue chatId(String recipient) {
        try {
            return Rendering.JSON.createValue(Long.parseLong(recipient));
        } catch (NumberFormatException e) {
            check(recipient.startsWith("@"), CH, "chat id must be a number or @channelname");
            return Rendering.JSON.createValue(recipient);
        }
    }

    private static long messageId(String replyTo) {
        try {
            return Long.parseLong(replyTo);
        } catch (NumberFormatException e) {
            throw new UnsupportedMessageException(CH + ": replyTo must be a Telegram message id (a number)");
        }
    }
}
