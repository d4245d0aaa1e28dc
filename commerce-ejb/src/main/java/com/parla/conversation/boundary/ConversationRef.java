package com.parla.conversation.boundary;

import com.parla.connector.api.Channel;
import com.parla.conversation.entity.Conversation;
import java.io.Serializable;
import java.time.Instant;

/**
 * A conversation as the dialogue engine needs it.
 *
 * @param recipient  the customer's id on the channel
 * @param customerId the person behind the identity, null until the engine first met them
 * @param greeted    whether the store has greeted the customer in this conversation
 * @param lastInboundAt when the customer last wrote: the channel's service window runs from it
 */
public record ConversationRef(long id, long storeId, Channel channel, String accountKey, String recipient,
                              String customerName, Long customerId, boolean greeted, Instant lastInboundAt)
        implements Serializable {

    static ConversationRef of(Conversation c) {
        return new ConversationRef(c.getId(), c.getStoreId(), c.getChannel(), c.getAccountKey(),
                c.getIdentity().getChannelUserId(), c.getIdentity().getDisplayName(), c.getIdentity().getCustomerId(),
                c.greeted(), c.getLastInboundAt());
    }

    /** Whether a free-form message may go out now (inside the service window, or a channel without one). */
    public boolean freeFormAllowed(Instant now) {
        return channel.windowOpen(lastInboundAt, now);
    }
}
