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

    static CustomerMessage of(ReceivedMessage m) {
        return new CustomerMessage(m.getId(), InboundMessage.Kind.valueOf(m.getKind()), m.getBody(), m.getPayload(),
                m.getChannelMessageId(), m.getReceivedAt());
    }
}
