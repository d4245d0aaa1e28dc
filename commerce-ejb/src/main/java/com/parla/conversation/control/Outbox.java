package com.parla.conversation.control;

import com.parla.connector.api.InboundMessage.DeliveryStatus;
import com.parla.connector.api.OutboundMessage;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.OutboxMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Writes replies into the outbox within the caller's transaction, and applies the channels' status callbacks. */
public final class Outbox {

    private final EntityManager em;

    public Outbox(EntityManager em) {
        this.em = em;
    }

    /**
     * @throws WindowClosedException if the message is free-form and the conversation's service window is closed:
     *                               nothing is written and nothing reaches the channel
     */
    public OutboxMessage enqueue(Conversation conversation, OutboundMessage message, Instant now) {
        if (!conversation.getAccountKey().equals(message.accountKey())) {
            throw new IllegalArgumentException("a reply goes out on the conversation's own account");
        }
        if (message.needsOpenWindow() && !conversation.freeFormAllowed(now)) {
            throw new WindowClosedException("The " + conversation.getChannel() + " service window of conversation "
                    + conversation.getId() + " closed at " + conversation.windowClosesAt()
                    + "; only an approved template can be sent");
        }
        OutboxMessage queued = new OutboxMessage(conversation.getId(), message.accountKey(), message.recipient(),
                message.kind().name(), OutboundCodec.toJson(message), now);
        em.persist(queued);
        return queued;
    }

    /** @return whether a message of ours was found and moved on */
    public boolean applyStatus(String accountKey, DeliveryStatus status, Instant now) {
        return em.createNamedQuery(OutboxMessage.BY_CHANNEL_ID, OutboxMessage.class)
                .setParameter("accountKey", accountKey).setParameter("channelMessageId", status.messageId())
                .getResultStream().findFirst()
                .map(m -> m.advanceTo(OutboxMessage.Status.valueOf(status.state().name()), status.errorCode(),
                        status.error(), now))
                .orElse(false);
    }
}
