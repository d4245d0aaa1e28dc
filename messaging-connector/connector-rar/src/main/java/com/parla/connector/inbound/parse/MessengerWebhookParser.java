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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Messenger Platform webhooks (channels.md §3.1): {@code object=page}, each {@code entry[].messaging[]} event
 * becoming messages in wire order. Echoes of our own sends are skipped.
 */
public final class MessengerWebhookParser implements WebhookParser {

    static final String CHANNEL = Channel.MESSENGER.wireName();

    private static final Set<String> ENVELOPE = Set.of("sender", "recipient", "timestamp");

    @Override
    public List<InboundMessage> parse(byte[] body, ChannelAccountRegistration account, Instant receivedAt) {
        JsonObject root = JsonFields.readObject(body, CHANNEL);
        String object = string(root, "object", CHANNEL);
        if (!"page".equals(object)) {
            throw new MalformedPayloadException(CHANNEL + ": object is " + object + ", expected page");
        }
        Ctx ctx = new Ctx(account, receivedAt);
        List<InboundMessage> result = new ArrayList<>();
        List<JsonObject> entries = requiredObjects(root, "entry", CHANNEL);
        for (int e = 0; e < entries.size(); e++) {
            String where = CHANNEL + " entry[" + e + "]";
            JsonObject entry = entries.get(e);
            String pageId = string(entry, "id", where);
            // one app serves many pages: a body for another page is not this account's
            if (account.externalId() != null && !account.externalId().equals(pageId)) {
                throw malformed(where, "is for page " + pageId + ", not this account's " + account.externalId());
            }
            List<JsonObject> events = objects(entry, "messaging", where);
            for (int i = 0; i < events.size(); i++) {
                event(events.get(i), ctx, where + ".messaging[" + i + "]", result);
            }
        }
        return List.copyOf(result);
    }

    private record Ctx(ChannelAccountRegistration account, Instant receivedAt) {
        InboundMessage.Builder start(String id, Kind kind, String sender) {
            return InboundMessage.builder(Channel.MESSENGER, account.accountKey(), id, kind).sender(sender)
                    .receivedAt(receivedAt);
        }
    }

    private void event(JsonObject ev, Ctx ctx, String where, List<InboundMessage> result) {
        String sender = requiredString(requiredObject(ev, "sender", where), "id", where + ".sender");
        String timestamp = string(ev, "timestamp", where);
        JsonObject message = object(ev, "message", where);
        JsonObject postback = object(ev, "postback", where);
        JsonObject delivery = object(ev, "delivery", where);
        JsonObject read = object(ev, "read", where);
        if (message != null) {
            message(message, sender, ctx, where + ".message", result);
        } else if (postback != null) {
            String pWhere = where + ".postback";
            String mid = string(postback, "mid", pWhere);
            if (mid == null) {
                if (timestamp == null) {
                    throw malformed(where, "has a postback with neither mid nor timestamp");
                }
                mid = "postback:" + sender + ":" + timestamp; // stable across redeliveries of the same event
            }
            result.add(ctx.start(mid, Kind.CHOICE, sender).payload(requiredString(postback, "payload", pWhere))
                    .text(string(postback, "title", pWhere)).build());
        } else if (delivery != null) {
            String dWhere = where + ".delivery";
            List<String> mids = JsonFields.strings(delivery, "mids", dWhere);
            for (String mid : mids) {
                result.add(ctx.start(mid + ":delivered", Kind.STATUS, sender)
                        .status(new DeliveryStatus(mid, DeliveryStatus.State.DELIVERED, null, null)).build());
            }
            if (mids.isEmpty()) {
                // mids may be absent: then everything sent before the watermark is delivered
                result.add(watermark(delivery, "delivered", DeliveryStatus.State.DELIVERED, sender, ctx, dWhere));
            }
        } else if (read != null) {
            // Messenger read receipts name no message, only a watermark (ms): everything sent before it is read.
            // messageId is therefore "watermark:<ms>", which the application resolves against its send times.
            result.add(watermark(read, "read", DeliveryStatus.State.READ, sender, ctx, where + ".read"));
        } else {
            other(ev, sender, timestamp, ctx).ifPresent(result::add);
        }
    }

    private static InboundMessage watermark(JsonObject o, String name, DeliveryStatus.State state, String sender,
                                            Ctx ctx, String where) {
        String watermark = requiredString(o, "watermark", where);
        return ctx.start(name + ":" + sender + ":" + watermark, Kind.STATUS, sender)
                .status(new DeliveryStatus("watermark:" + watermark, state, null, null)).build();
    }

    private void message(JsonObject message, String sender, Ctx ctx, String where, List<InboundMessage> result) {
        if (JsonFields.isTrue(message, "is_echo")) {
            return; // our own send, echoed back
        }
        String mid = requiredString(message, "mid", where);
        String text = string(message, "text", where);
        JsonObject replyTo = object(message, "reply_to", where);
        String replyToMid = replyTo == null ? null : string(replyTo, "mid", where + ".reply_to");
        JsonObject quickReply = object(message, "quick_reply", where);
        List<JsonObject> attachments = objects(message, "attachments", where);
        if (quickReply != null) {
            result.add(ctx.start(mid, Kind.CHOICE, sender).text(text).replyTo(replyToMid)
                    .payload(requiredString(quickReply, "payload", where + ".quick_reply")).build());
        } else if (!attachments.isEmpty()) {
            // one message per attachment; the first keeps the mid, the others get mid:<index> (stable)
            for (int i = 0; i < attachments.size(); i++) {
                String id = i == 0 ? mid : mid + ":" + i;
                result.add(attachment(attachments.get(i), id, sender, ctx, where + ".attachments[" + i + "]")
                        .text(i == 0 ? text : null).replyTo(replyToMid).build());
            }
        } else {
            result.add(ctx.start(mid, text != null ? Kind.TEXT : Kind.OTHER, sender).text(text).replyTo(replyToMid)
                    .build());
        }
    }

    private static InboundMessage.Builder attachment(JsonObject a, String id, String sender, Ctx ctx, String where) {
        String type = requiredString(a, "type", where);
        JsonObject payload = object(a, "payload", where);
        switch (type) {
            case "image", "video", "audio", "file" -> {
                if (payload == null) {
                    throw malformed(where, "has no payload");
                }
                // Messenger gives only a URL (no media id); it is the reference to fetch the file by
                return ctx.start(id, Kind.MEDIA, sender).media(new InboundMessage.Media(type,
                        requiredString(payload, "url", where + ".payload"), null, null));
            }
            case "location" -> {
                if (payload == null) {
                    throw malformed(where, "has no payload");
                }
                String cWhere = where + ".payload.coordinates";
                JsonObject coordinates = requiredObject(payload, "coordinates", where + ".payload");
                return ctx.start(id, Kind.LOCATION, sender).location(Payloads.location(
                        JsonFields.requiredDecimal(coordinates, "lat", cWhere),
                        JsonFields.requiredDecimal(coordinates, "long", cWhere),
                        string(a, "title", where), null, where));
            }
            default -> {
                return ctx.start(id, Kind.OTHER, sender); // fallback, reel, post, sticker types not modelled
            }
        }
    }

    /** Reactions, referrals, opt-ins, edits: recognized, not modelled; id derived from event, sender and time. */
    private static Optional<InboundMessage> other(JsonObject ev, String sender, String timestamp, Ctx ctx) {
        String event = ev.keySet().stream().filter(k -> !ENVELOPE.contains(k)).findFirst().orElse(null);
        if (event == null || timestamp == null) {
            return Optional.empty(); // no stable id to deduplicate by
        }
        return Optional.of(ctx.start(event + ":" + sender + ":" + timestamp, Kind.OTHER, sender).build());
    }
}
