package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;
import static com.parla.connector.inbound.parse.JsonFields.malformed;
import static com.parla.connector.inbound.parse.JsonFields.object;
import static com.parla.connector.inbound.parse.JsonFields.objects;
import static com.parla.connector.inbound.parse.JsonFields.requiredObject;
import static com.parla.connector.inbound.parse.JsonFields.requiredString;
import static com.parla.connector.inbound.parse.JsonFields.string;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessage.Kind;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Telegram Bot API updates (channels.md §2.1, §2.4): one Update per webhook body, or a {@code getUpdates} result.
 * Every update becomes exactly one message whose id is the update_id. Updates we do not model (edited_message,
 * channel posts, polls, shipping_query, …) become {@link Kind#OTHER}, not nothing, so the poller and the
 * application see one message per update; edits are not re-run through the conversation.
 */
public final class TelegramUpdateParser implements WebhookParser {

    static final String CHANNEL = Channel.TELEGRAM.wireName();

    /** One update of a getUpdates result: the poller confirms {@code updateId + 1} as its next offset. */
    public record Update(long updateId, List<InboundMessage> messages, String problem) {
        public Update {
            messages = List.copyOf(messages);
        }

        /** True when the update could not be read; the poller logs {@link #problem()} and moves past it. */
        public boolean malformed() {
            return problem != null;
        }
    }

    @Override
    public List<InboundMessage> parse(byte[] body, ChannelAccountRegistration account, Instant receivedAt) {
        return List.of(update(JsonFields.readObject(body, CHANNEL), account, receivedAt, CHANNEL + " update"));
    }

    /**
     * A getUpdates response. A malformed update is returned with its problem and no messages rather than failing
     * the batch: failing would make the poller ask for the same offset again forever.
     *
     * @throws TelegramApiException      when Telegram answered {@code ok:false}
     * @throws MalformedPayloadException when the response itself, or an update_id in it, is unreadable
     */
    public List<Update> parseUpdates(byte[] body, ChannelAccountRegistration account, Instant receivedAt) {
        JsonObject root = JsonFields.readObject(body, CHANNEL);
        JsonValue ok = root.get("ok");
        if (ok == JsonValue.FALSE) {
            JsonObject parameters = object(root, "parameters", CHANNEL);
            BigDecimal retryAfter = parameters == null ? null
                    : JsonFields.decimal(parameters, "retry_after", CHANNEL + " parameters");
            BigDecimal code = JsonFields.decimal(root, "error_code", CHANNEL);
            throw new TelegramApiException(code == null ? 0 : code.intValue(), string(root, "description", CHANNEL),
                    retryAfter == null ? null : retryAfter.intValue());
        }
        if (ok != JsonValue.TRUE) {
            throw new MalformedPayloadException(CHANNEL + ": response has no ok:true/false");
        }
        List<JsonObject> updates = JsonFields.requiredObjects(root, "result", CHANNEL);
        List<Update> result = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            String where = CHANNEL + " result[" + i + "]";
            long updateId = JsonFields.requiredLong(updates.get(i), "update_id", where);
            try {
                result.add(new Update(updateId, List.of(update(updates.get(i), account, receivedAt, where)), null));
            } catch (MalformedPayloadException e) {
                result.add(new Update(updateId, List.of(), e.getMessage()));
            }
        }
        return List.copyOf(result);
    }

    private InboundMessage update(JsonObject u, ChannelAccountRegistration account, Instant receivedAt,
                                  String where) {
        String id = String.valueOf(JsonFields.requiredLong(u, "update_id", where));
        Starter s = kind -> InboundMessage.builder(Channel.TELEGRAM, account.accountKey(), id, kind).receivedAt(receivedAt);
        JsonObject message = object(u, "message", where);
        if (message != null) {
            return message(message, s, where + ".message");
        }
        JsonObject callback = object(u, "callback_query", where);
        if (callback != null) {
            return callback(callback, s, where + ".callback_query");
        }
        JsonObject preCheckout = object(u, "pre_checkout_query", where);
        if (preCheckout != null) {
            String pWhere = where + ".pre_checkout_query";
            JsonObject from = requiredObject(preCheckout, "from", pWhere);
            return s.start(Kind.PAYMENT_CHECK).sender(requiredString(from, "id", pWhere + ".from"))
                    .senderName(name(from, pWhere + ".from"))
                    .payment(new InboundMessage.Payment(requiredString(preCheckout, "currency", pWhere),
                            JsonFields.requiredLong(preCheckout, "total_amount", pWhere),
                            string(preCheckout, "invoice_payload", pWhere),
                            requiredString(preCheckout, "id", pWhere)))
                    .build();
        }
        JsonObject member = object(u, "my_chat_member", where);
        if (member != null) {
            return chatMember(member, s, where + ".my_chat_member");
        }
        return other(u, s, where);
    }

    @FunctionalInterface
    private interface Starter {
        InboundMessage.Builder start(Kind kind);
    }

    private static InboundMessage message(JsonObject m, Starter s, String where) {
        JsonObject chat = requiredObject(m, "chat", where);
        String chatId = requiredString(chat, "id", where + ".chat");
        JsonObject from = object(m, "from", where);
        JsonObject reply = object(m, "reply_to_message", where);
        String caption = string(m, "caption", where);

        JsonObject payment = object(m, "successful_payment", where);
        JsonObject location = object(m, "location", where);
        JsonObject contact = object(m, "contact", where);
        InboundMessage.Builder b;
        if (payment != null) {
            String pWhere = where + ".successful_payment";
            b = s.start(Kind.PAYMENT).payment(new InboundMessage.Payment(requiredString(payment, "currency", pWhere),
                    JsonFields.requiredLong(payment, "total_amount", pWhere),
                    string(payment, "invoice_payload", pWhere),
                    requiredString(payment, "telegram_payment_charge_id", pWhere)));
        } else if (m.containsKey("text")) {
            b = s.start(Kind.TEXT).text(string(m, "text", where)); // /start too: commands are the rules' business
        } else if (location != null) {
            String lWhere = where + ".location";
            JsonObject venue = object(m, "venue", where);
            b = s.start(Kind.LOCATION).location(Payloads.location(
                    JsonFields.requiredDecimal(location, "latitude", lWhere),
                    JsonFields.requiredDecimal(location, "longitude", lWhere),
                    venue == null ? null : string(venue, "title", where + ".venue"),
                    venue == null ? null : string(venue, "address", where + ".venue"), lWhere));
        } else if (m.containsKey("photo")) {
            b = s.start(Kind.MEDIA).media(new InboundMessage.Media("photo", largestPhoto(m, where), null, null))
                    .text(caption);
        } else if (contact != null) {
            String cWhere = where + ".contact";
            b = s.start(Kind.CONTACTS).contacts(List.of(new InboundMessage.Contact(
                    Payloads.fullName(string(contact, "first_name", cWhere), string(contact, "last_name", cWhere)),
                    string(contact, "phone_number", cWhere))));
        } else {
            b = file(m, s, where);
            b = b == null ? s.start(Kind.OTHER).text(caption) : b.text(caption);
        }
        return b.sender(chatId)
                .senderName(from != null ? name(from, where + ".from") : name(chat, where + ".chat"))
                .replyTo(reply == null ? null : string(reply, "message_id", where + ".reply_to_message"))
                .build();
    }

    /** The file kinds other than photo; animation before document, as an animation carries both. */
    private static InboundMessage.Builder file(JsonObject m, Starter s, String where) {
        for (String type : List.of("video", "voice", "audio", "sticker", "animation", "video_note", "document")) {
            JsonObject file = object(m, type, where);
            if (file != null) {
                String fWhere = where + "." + type;
                return s.start(Kind.MEDIA).media(new InboundMessage.Media(type, requiredString(file, "file_id", fWhere),
                        string(file, "mime_type", fWhere), string(file, "file_name", fWhere)));
            }
        }
        return null;
    }

    /** A photo comes in several sizes; the largest by pixels is the one worth fetching. */
    private static String largestPhoto(JsonObject m, String where) {
        List<JsonObject> sizes = objects(m, "photo", where);
        if (sizes.isEmpty()) {
            throw malformed(where, "has an empty photo");
        }
        JsonObject largest = sizes.stream().max(Comparator.comparing(size -> {
            BigDecimal w = JsonFields.decimal(size, "width", where + ".photo");
            BigDecimal h = JsonFields.decimal(size, "height", where + ".photo");
            return w == null || h == null ? BigDecimal.ZERO : w.multiply(h);
        })).orElseThrow();
        return requiredString(largest, "file_id", where + ".photo");
    }

    private static InboundMessage callback(JsonObject cq, Starter s, String where) {
        JsonObject from = requiredObject(cq, "from", where);
        JsonObject message = object(cq, "message", where);
        JsonObject chat = message == null ? null : object(message, "chat", where + ".message");
        // the chat the button was in; without it (inline-mode messages) the user's own id is the private chat
        String sender = chat != null ? requiredString(chat, "id", where + ".message.chat")
                : requiredString(from, "id", where + ".from");
        String data = string(cq, "data", where);
        if (data == null) {
            return s.start(Kind.OTHER).sender(sender).build(); // game callbacks carry no data
        }
        return s.start(Kind.CHOICE).sender(sender).senderName(name(from, where + ".from")).payload(data).text("")
                .replyTo(message == null ? null : string(message, "message_id", where + ".message"))
                .interactionId(requiredString(cq, "id", where))
                .build();
    }

    private static InboundMessage chatMember(JsonObject member, Starter s, String where) {
        String sender = requiredString(requiredObject(member, "chat", where), "id", where + ".chat");
        JsonObject now = requiredObject(member, "new_chat_member", where);
        String status = string(now, "status", where + ".new_chat_member");
        // in a private chat kicked = the user blocked the bot, member = started or unblocked it
        Kind kind = "kicked".equals(status) ? Kind.UNSUBSCRIBE : "member".equals(status) ? Kind.SUBSCRIBE : Kind.OTHER;
        JsonObject from = object(member, "from", where);
        return s.start(kind).sender(sender).senderName(from == null ? null : name(from, where + ".from")).build();
    }

    /** An update we do not model: OTHER, with the chat or user it concerns when the update names one. */
    private static InboundMessage other(JsonObject u, Starter s, String where) {
        String sender = null;
        for (String key : u.keySet()) {
            JsonValue v = u.get(key);
            if (!"update_id".equals(key) && v.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject inner = v.asJsonObject();
                JsonObject chat = object(inner, "chat", where + "." + key);
                JsonObject from = object(inner, "from", where + "." + key);
                JsonObject owner = chat != null ? chat : from;
                sender = owner == null ? null : string(owner, "id", where + "." + key);
                break;
            }
        }
        return s.start(Kind.OTHER).sender(sender).build();
    }

    private static String name(JsonObject user, String where) {
        return Payloads.fullName(string(user, "first_name", where), string(user, "last_name", where));
    }
}
