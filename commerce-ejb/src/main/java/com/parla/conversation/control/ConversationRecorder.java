package com.parla.conversation.control;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.CustomerIdentity;
import com.parla.conversation.entity.ReceivedMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * Records what a channel delivered, exactly once: the customer's identity, their conversation and the message;
 * a status callback moves the matching outbox message on. A second delivery of the same channel message finds
 * the first and has no effect; two concurrent ones collide on the unique key, one rolls back, and the channel's
 * retry of it then finds the first.
 */
public final class ConversationRecorder {

    private final EntityManager em;

    public ConversationRecorder(EntityManager em) {
        this.em = em;
    }

    /**
     * @param conversation null for status callbacks and messages without a sender
     * @param firstMessage whether this message opened the conversation
     */
    public record Received(ReceivedMessage message, Conversation conversation, boolean firstMessage) {
    }

    /** @return empty if the channel had already delivered this message */
    public Optional<Received> receive(InboundMessage message, long storeId, Instant now) {
        if (alreadyReceived(message)) {
            return Optional.empty();
        }
        if (message.kind() == InboundMessage.Kind.STATUS || message.kind() == InboundMessage.Kind.PROBE
                || message.sender() == null || message.sender().isBlank()) {
            if (message.status() != null) {
                new Outbox(em).applyStatus(message.accountKey(), message.status(), now);
            }
            ReceivedMessage stored = new ReceivedMessage(message);
            em.persist(stored);
            return Optional.of(new Received(stored, null, false));
        }
        CustomerIdentity identity = identity(message, storeId);
        Optional<Conversation> existing = em.createNamedQuery(Conversation.OF_IDENTITY, Conversation.class)
                .setParameter("identity", identity).getResultStream().findFirst();
        Conversation conversation = existing.orElseGet(() -> {
            Conversation started = new Conversation(identity, message.receivedAt());
            em.persist(started);
            return started;
        });
        switch (message.kind()) {
            case UNSUBSCRIBE -> identity.setOptedOut(true);
            case SUBSCRIBE -> {
                identity.setOptedOut(false);
                conversation.customerWrote(message.receivedAt());
            }
            default -> conversation.customerWrote(message.receivedAt());
        }
        ReceivedMessage stored = new ReceivedMessage(message, conversation.getId());
        em.persist(stored);
        return Optional.of(new Received(stored, conversation, existing.isEmpty()));
    }

    private boolean alreadyReceived(InboundMessage message) {
        return !em.createNamedQuery(ReceivedMessage.BY_CHANNEL_ID, ReceivedMessage.class)
                .setParameter("channel", message.channel()).setParameter("accountKey", message.accountKey())
                .setParameter("channelMessageId", message.channelMessageId())
                .setMaxResults(1).getResultList().isEmpty();
    }

    private CustomerIdentity identity(InboundMessage message, long storeId) {
        CustomerIdentity identity = em.createNamedQuery(CustomerIdentity.BY_ACCOUNT_USER, CustomerIdentity.class)
                .setParameter("accountKey", message.accountKey()).setParameter("channelUserId", message.sender())
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    CustomerIdentity created = new CustomerIdentity(storeId, message.channel(), message.accountKey(),
                            message.sender(), message.receivedAt());
                    em.persist(created);
                    return created;
                });
        identity.seen(message.senderName(), message.receivedAt());
        return identity;
    }
}
