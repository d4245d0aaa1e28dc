package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessage.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * WeChat Official Account pushes in XML (channels.md §4.2), plaintext or already decrypted from safe mode. One push
 * is one message. Text fields are kept verbatim; only numbers and ids are stripped of surrounding whitespace.
 */
public final class WeChatMessageParser implements WebhookParser {

    static final String CHANNEL = Channel.WECHAT.wireName();

    /**
     * The {@code <Encrypt>} element of a safe-mode envelope (to check msg_signature and decrypt), read as securely
     * as a message; empty when the push is plaintext.
     */
    public static Optional<String> encryptedPart(byte[] xml) {
        return Optional.ofNullable(SecureXml.fields(xml, CHANNEL).get("Encrypt"));
    }

    @Override
    public List<InboundMessage> parse(byte[] body, ChannelAccountRegistration account, Instant receivedAt) {
        Map<String, String> f = SecureXml.fields(body, CHANNEL);
        String sender = required(f, "FromUserName");
        String type = required(f, "MsgType").strip();
        if ("event".equals(type)) {
            return List.of(event(f, sender, account, receivedAt));
        }
        String id = required(f, "MsgId").strip();
        InboundMessage.Builder b = switch (type) {
            case "text" -> start(id, Kind.TEXT, account).text(f.get("Content"));
            case "image" -> start(id, Kind.MEDIA, account) // PicUrl is a public CDN link; MediaId is the reference
                    .media(new InboundMessage.Media("image", required(f, "MediaId"), null, null));
            case "voice" -> {
                String format = f.get("Format");
                String mime = format == null || format.isBlank() ? null
                        : "audio/" + format.strip().toLowerCase(Locale.ROOT);
                // Recognition is WeChat's speech-to-text, present only when the account enabled it
                yield start(id, Kind.MEDIA, account).text(f.get("Recognition"))
                        .media(new InboundMessage.Media("voice", required(f, "MediaId"), mime, null));
            }
            case "video", "shortvideo" -> start(id, Kind.MEDIA, account)
                    .media(new InboundMessage.Media(type, required(f, "MediaId"), null, null));
            case "location" -> start(id, Kind.LOCATION, account).location(Payloads.location(
                    number(f, "Location_X"), number(f, "Location_Y"), f.get("Label"), null, CHANNEL + " location"));
            case "link" -> start(id, Kind.TEXT, account).text(required(f, "Url"));
            default -> start(id, Kind.OTHER, account);
        };
        return List.of(b.sender(sender).receivedAt(receivedAt).build());
    }

    private static InboundMessage event(Map<String, String> f, String sender, ChannelAccountRegistration account,
                                        Instant receivedAt) {
        String event = required(f, "Event").strip();
        // events have no MsgId; WeChat's advice is to deduplicate them by FromUserName + CreateTime
        String id = sender + ":" + required(f, "CreateTime").strip() + ":" + event;
        String key = f.get("EventKey");
        key = key == null || key.isEmpty() ? null : key;
        InboundMessage.Builder b = switch (event) {
            case "subscribe" -> start(id, Kind.SUBSCRIBE, account).payload(key); // qrscene_<scene> when by QR code
            case "unsubscribe" -> start(id, Kind.UNSUBSCRIBE, account);
            case "CLICK" -> {
                if (key == null) {
                    throw new MalformedPayloadException(CHANNEL + ": CLICK event has no EventKey");
                }
                yield start(id, Kind.CHOICE, account).payload(key);
            }
            default -> start(id, Kind.OTHER, account).payload(key); // SCAN, LOCATION, VIEW, TEMPLATESENDJOBFINISH…
        };
        return b.sender(sender).receivedAt(receivedAt).build();
    }

    private static InboundMessage.Builder start(String id, Kind kind, ChannelAccountRegistration account) {
        return InboundMessage.builder(Channel.WECHAT, account.accountKey(), id, kind);
    }

    private static String required(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            throw new MalformedPayloadException(CHANNEL + ": push has no " + name);
        }
        return v;
    }

    private static double number(Map<String, String> f, String name) {
        try {
            return Double.parseDouble(required(f, name).strip());
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException(CHANNEL + ": " + name + " is not a number: " + f.get(name));
        }
    }
}
