package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;
import static com.parla.connector.inbound.parse.JsonFields.malformed;
import static com.parla.connector.inbound.parse.JsonFields.object;
import static com.parla.connector.inbound.parse.JsonFields.objects;
import static com.parla.connector.inbound.parse.JsonFields.requiredObject;
import static com.parla.connector.inbound.parse.JsonFields.requiredObjects;
import static com.parla.connector.inbound.parse.JsonFields.requiredString;
import static com.parla.connector.inbound.parse.JsonFields.string;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessage.DeliveryStatus;
import com.parla.connector.api.InboundMessage.Kind;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp Cloud API webhooks (channels.md §1.5–1.6): {@code entry[].changes[]} of field {@code messages}, each
 * {@code messages[]} item and each {@code statuses[]} item becoming one message, in wire order. Other fields
 * (template status, quality updates) carry nothing for the conversation and are ignored.
 */
public final class WhatsAppWebhookParser implements WebhookParser {

    static final String CHANNEL = Channel.WHATSAPP.wireName();

    @Override
    public List<InboundMessage> parse(byte[] body, ChannelAccountRegistration account, Instant receivedAt) {
        JsonObject root = JsonFields.readObject(body, CHANNEL);
        String object = string(root, "object", CHANNEL);
        if (!"whatsapp_business_account".equals(object)) {
            throw new MalformedPayloadException(CHANNEL + ": object is " + object + ", expected whatsapp_business_account");
        }
        Context ctx = new Context(account, receivedAt);
        List<InboundMessage> result = new ArrayList<>();
        List<JsonObject> entries = requiredObjects(root, "entry", CHANNEL);
        for (int e = 0; e < entries.size(); e++) {
            String entryWhere = CHANNEL + " entry[" + e + "]";
            List<JsonObject> changes = objects(entries.get(e), "changes", entryWhere);
            for (int c = 0; c < changes.size(); c++) {
                String where = entryWhere + ".changes[" + c + "]";
                if ("messages".equals(string(changes.get(c), "field", where))) {
                    change(requiredObject(changes.get(c), "value", where), ctx, where + ".value", result);
                }
            }
        }
        return List.copyOf(result);
    }

    private record Context(ChannelAccountRegistration account, Instant receivedAt) {
        InboundMessage.Builder start(String id, Kind kind) {
            return InboundMessage.builder(Channel.WHATSAPP, account.accountKey(), id, kind).receivedAt(receivedAt);
        }
    }

    private void change(JsonObject value, Context ctx, String where, List<InboundMessage> result) {
        checkTenant(value, ctx.account(), where);
        Map<String, String> names = profileNames(value, where);
        List<JsonObject> messages = objects(value, "messages", where);
        for (int i = 0; i < messages.size(); i++) {
            result.add(message(messages.get(i), names, ctx, where + ".messages[" + i + "]"));
        }
        List<JsonObject> statuses = objects(value, "statuses", where);
        for (int i = 0; i < statuses.size(); i++) {
            InboundMessage status = status(statuses.get(i), ctx, where + ".statuses[" + i + "]");
            if (status != null) {
                result.add(status);
            }
        }
        // value.errors[] (webhook-level errors) carry no message of a customer: nothing to deliver
    }

    /** One Meta app receives every onboarded number's webhooks: a body for another number is not this account's. */
    private static void checkTenant(JsonObject value, ChannelAccountRegistration account, String where) {
        if (account.externalId() == null) {
            return;
        }
        JsonObject metadata = object(value, "metadata", where);
        String phoneNumberId = metadata == null ? null : string(metadata, "phone_number_id", where + ".metadata");
        if (!account.externalId().equals(phoneNumberId)) {
            throw malformed(where, "is for phone_number_id " + phoneNumberId + ", not this account's "
                    + account.externalId());
        }
    }

    /** Profile names by wa_id and by BSUID, so a sender given either way finds its name. */
    private static Map<String, String> profileNames(JsonObject value, String where) {
        Map<String, String> names = new HashMap<>();
        List<JsonObject> contacts = objects(value, "contacts", where);
        for (int i = 0; i < contacts.size(); i++) {
            String cWhere = where + ".contacts[" + i + "]";
            JsonObject profile = object(contacts.get(i), "profile", cWhere);
            String name = profile == null ? null : string(profile, "name", cWhere + ".profile");
            if (name != null) {
                String waId = string(contacts.get(i), "wa_id", cWhere);
                String userId = string(contacts.get(i), "user_id", cWhere);
                if (waId != null) {
                    names.put(waId, name);
                }
                if (userId != null) {
                    names.put(userId, name);
                }
            }
        }
        return names;
    }

    private InboundMessage message(JsonObject m, Map<String, String> names, Context ctx, String where) {
        String id = requiredString(m, "id", where);
        String from = string(m, "from", where);
        // BSUID users (2026) may come without a phone number
        String sender = from != null ? from : string(m, "user_id", where);
        if (sender == null || sender.isEmpty()) {
            throw malformed(where, "has neither from nor user_id");
        }
        String type = requiredString(m, "type", where);
        JsonObject context = object(m, "context", where);
        String replyTo = context == null ? null : string(context, "id", where + ".context");
        String typed = where + "." + type;

        InboundMessage.Builder b = switch (type) {
            case "text" -> ctx.start(id, Kind.TEXT)
                    .text(requiredString(requiredObject(m, "text", where), "body", typed));
            case "interactive" -> interactive(requiredObject(m, "interactive", where), id, ctx, typed);
            case "button" -> {
                JsonObject button = requiredObject(m, "button", where);
                yield ctx.start(id, Kind.CHOICE).payload(requiredString(button, "payload", typed))
                        .text(string(button, "text", typed));
            }
            case "location" -> {
                JsonObject loc = requiredObject(m, "location", where);
                yield ctx.start(id, Kind.LOCATION).location(Payloads.location(
                        JsonFields.requiredDecimal(loc, "latitude", typed),
                        JsonFields.requiredDecimal(loc, "longitude", typed),
                        string(loc, "name", typed), string(loc, "address", typed), typed));
            }
            case "image", "video", "audio", "document", "sticker" -> media(m, type, id, ctx, where);
            case "order" -> order(requiredObject(m, "order", where), id, ctx, typed);
            case "contacts" -> contacts(m, id, ctx, where);
            case "reaction" -> {
                // the reaction names the message it is on; an empty emoji is a removed reaction
                JsonObject reaction = requiredObject(m, "reaction", where);
                yield ctx.start(id, Kind.OTHER).text(string(reaction, "emoji", typed))
                        .replyTo(string(reaction, "message_id", typed));
            }
            default -> ctx.start(id, Kind.OTHER); // system, unsupported and types newer than this parser
        };
        if (replyTo != null) {
            b.replyTo(replyTo);
        }
        return b.sender(sender).senderName(names.get(sender)).build();
    }

    private static InboundMessage.Builder interactive(JsonObject interactive, String id, Context ctx, String where) {
        String type = string(interactive, "type", where);
        if ("button_reply".equals(type) || "list_reply".equals(type)) {
            JsonObject reply = requiredObject(interactive, type, where);
            return ctx.start(id, Kind.CHOICE).payload(requiredString(reply, "id", where + "." + type))
                    .text(string(reply, "title", where + "." + type));
        }
        return ctx.start(id, Kind.OTHER); // nfm_reply (Flows) and newer replies are not modelled
    }

    private static InboundMessage.Builder media(JsonObject m, String type, String id, Context ctx, String where) {
        JsonObject media = requiredObject(m, type, where);
        String mWhere = where + "." + type;
        // a voice note is an audio with voice:true; the application answers it differently from a music file
        String mediaType = "audio".equals(type) && JsonFields.isTrue(media, "voice") ? "voice" : type;
        String fileName = "document".equals(type) ? string(media, "filename", mWhere) : null;
        return ctx.start(id, Kind.MEDIA)
                .media(new InboundMessage.Media(mediaType, requiredString(media, "id", mWhere),
                        string(media, "mime_type", mWhere), fileName))
                .text(string(media, "caption", mWhere));
    }

    private static InboundMessage.Builder order(JsonObject order, String id, Context ctx, String where) {
        List<JsonObject> items = JsonFields.requiredObjects(order, "product_items", where);
        List<InboundMessage.OrderItem> orderItems = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            String iWhere = where + ".product_items[" + i + "]";
            int quantity = JsonFields.requiredInt(item, "quantity", iWhere);
            if (quantity <= 0) {
                throw malformed(iWhere, "has quantity " + quantity);
            }
            orderItems.add(new InboundMessage.OrderItem(requiredString(item, "product_retailer_id", iWhere),
                    quantity, JsonFields.requiredDecimal(item, "item_price", iWhere),
                    requiredString(item, "currency", iWhere)));
        }
        return ctx.start(id, Kind.ORDER).orderItems(orderItems).text(string(order, "text", where));
    }

    private static InboundMessage.Builder contacts(JsonObject m, String id, Context ctx, String where) {
        List<JsonObject> cards = requiredObjects(m, "contacts", where);
        List<InboundMessage.Contact> contacts = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            String cWhere = where + ".contacts[" + i + "]";
            JsonObject name = object(cards.get(i), "name", cWhere);
            List<JsonObject> phones = objects(cards.get(i), "phones", cWhere);
            contacts.add(new InboundMessage.Contact(
                    name == null ? null : string(name, "formatted_name", cWhere + ".name"),
                    phones.isEmpty() ? null : string(phones.get(0), "phone", cWhere + ".phones[0]")));
        }
        return ctx.start(id, Kind.CONTACTS).contacts(contacts);
    }

    /** A status of a message we sent, or null for states we do not model (voice {@code played}). */
    private static InboundMessage status(JsonObject s, Context ctx, String where) {
        String id = requiredString(s, "id", where);
        String status = requiredString(s, "status", where);
        DeliveryStatus.State state = switch (status) {
            case "sent" -> DeliveryStatus.State.SENT;
            case "delivered" -> DeliveryStatus.State.DELIVERED;
            case "read" -> DeliveryStatus.State.READ;
            case "failed" -> DeliveryStatus.State.FAILED;
            default -> null;
        };
        if (state == null) {
            return null;
        }
        String recipient = string(s, "recipient_id", where);
        if (recipient == null) {
            recipient = string(s, "recipient_user_id", where);
        }
        List<JsonObject> errors = objects(s, "errors", where);
        String errorCode = errors.isEmpty() ? null : string(errors.get(0), "code", where + ".errors[0]");
        String error = errors.isEmpty() ? null : string(errors.get(0), "title", where + ".errors[0]");
        // one id per message and state, so each state is taken once however often Meta redelivers it
        return ctx.start(id + ":" + status, Kind.STATUS).sender(recipient)
                .status(new DeliveryStatus(id, state, errorCode, error)).build();
    }
}
