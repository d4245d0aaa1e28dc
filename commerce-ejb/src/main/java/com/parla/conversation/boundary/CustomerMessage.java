package com.parla.conversation.boundary;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.entity.ReceivedMessage;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a customer wrote or tapped, for the dialogue engine.
 *
 * @param payload    the id of the button or row tapped, or null for typed text
 * @param channelId  the channel's id of the message (a reply quotes it)
 */
public record CustomerMessage(long id, InboundMessage.Kind kind, String text, String payload, String channelId,
                              Instant receivedAt) implements Serializable {

    /** One item of a cart sent from a channel catalog: the retailer id (a size's SKU) and how many. */
    public record OrderedItem(String sku, int quantity) implements Serializable {
    }

    /** The items of a cart sent from the channel's catalog ({@link InboundMessage.Kind#ORDER}); else none. */
    public java.util.List<OrderedItem> orderedItems() {
        if (kind != InboundMessage.Kind.ORDER || text == null) {
            return java.util.List.of();
        }
        return text.lines().map(l -> l.split(java.util.regex.Pattern.quote(ReceivedMessage.ORDER_TIMES), 2))
                .filter(p -> p.length == 2 && p[0].matches("[0-9]{1,4}") && !p[1].isBlank())
                .map(p -> new OrderedItem(p[1].strip(), Integer.parseInt(p[0]))).toList();
    }

    /** A shared location: where, and the name or address the app gave it (empty when it gave none). */
    public record Place(double latitude, double longitude, String label) implements Serializable {
    }

    private static final java.util.regex.Pattern COORDINATES = java.util.regex.Pattern.compile(
            "(?:^|, )(-?\\d{1,3}\\.\\d+),(-?\\d{1,3}\\.\\d+)$");

    /** The place of a shared location (stored as "name, address, latitude,longitude"); else empty. */
    public java.util.Optional<Place> place() {
        if (kind != InboundMessage.Kind.LOCATION || text == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = COORDINATES.matcher(text.strip());
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Place(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                text.strip().substring(0, m.start()).strip()));
    }

    static CustomerMessage of(ReceivedMessage m) {
        return new CustomerMessage(m.getId(), InboundMessage.Kind.valueOf(m.getKind()), m.getBody(), m.getPayload(),
                m.getChannelMessageId(), m.getReceivedAt());
    }
}
