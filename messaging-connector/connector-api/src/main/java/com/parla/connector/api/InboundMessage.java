package com.parla.connector.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A message from a customer or a channel, normalized by the connector. The application never sees channel wire
 * formats. {@code (channel, accountKey, channelMessageId)} identifies a message; channels redeliver, so the
 * application must treat a second delivery of the same triple as a duplicate.
 *
 * @param channel          channel name, for example {@code whatsapp} or {@code telegram}
 * @param accountKey       the store's channel account the message came in on
 * @param channelMessageId the channel's own id of the message
 * @param sender           the channel's id of the sender (phone number, chat id, open id)
 * @param kind             what the message is
 * @param text             text content, may be empty
 * @param receivedAt       when the connector received it
 */
public record InboundMessage(String channel, String accountKey, String channelMessageId, String sender, Kind kind,
                             String text, Instant receivedAt) implements Serializable {

    /** Channel name of the connector's own probe messages (health checks, system tests). */
    public static final String PROBE_CHANNEL = "probe";

    public enum Kind { TEXT, PROBE }

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
    }
}
