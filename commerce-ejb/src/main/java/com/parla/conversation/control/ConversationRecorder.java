package com.parla.conversation.control;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.CustomerIdentity;
import com.parla.conversation.entity.PendingMessage;
import com.parla.conversation.entity.ReceivedMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Records what a channel delivered, exactly once: the message, in the customer's conversation; a status callback
 * moves the matching outbox message on. A second delivery of the same channel message finds the first and has no
 * effect; two concurrent ones collide on the unique key, one rolls back, and the channel's retry of it then finds
 * the first. For a known customer's text that is six statements: the duplicate check, the conversation with its
 * identity, the window, the message, its place in the dialogue engine's queue, the identity's last-seen time.
 */
public final class ConversationRecorder {

    /** What a customer writes or taps, as opposed to events about the account or our own messages. */
    private static final Set<InboundMessage.Kind> CUSTOMER_WRITES = EnumSet.of(InboundMessage.Kind.TEXT,
            InboundMessage.Kind.CHOICE, InboundMessage.Kind.LOCATION, InboundMessage.Kind.MEDIA,
            InboundMessage.Kind.ORDER, InboundMessage.Kind.CONTACTS, InboundMessage.Kind.SUBSCRIBE);

    private final EntityManager em;
    private final ConversationDirectory conversations;
    private final ConversationUpdates updates;

    public ConversationRecorder(EntityManager em, SeparateTransaction separate) {
        this.em = em;
        this.conversations = new ConversationDirectory(em, separate);
        this.updates = new ConversationUpdates(em);
    }

    /**
     * @param conversation null for status callbacks and messages without a sender
     * @param awaitsReply  whether the dialogue engine is to answer it (what the customer wrote or tapped)
     */
    public record Received(ReceivedMessage message, Conversation conversation, boolean awaitsReply) {
    }

    /** @return empty if the channel had already delivered this message */
    public Optional<Received> receive(InboundMessage message, long storeId, Instant now) {
        if (alreadyReceived(message)) {
            return Optional.empty();
        }
        if (!fromCustomer(message)) {
            if (message.status() != null) {
                new Outbox(em).applyStatus(message.accountKey(), message.status(), now);
            }
            ReceivedMessage stored = new ReceivedMessage(message);
            em.persist(stored);
            return Optional.of(new Received(stored, null, false));
        }
        Conversation conversation = conversations.findOrOpen(message, storeId);
        CustomerIdentity identity = conversation.getIdentity();
        identity.seen(message.senderName(), message.receivedAt());
        if (message.kind() == InboundMessage.Kind.UNSUBSCRIBE) {
            identity.setOptedOut(true);
        } else {
            if (message.kind() == InboundMessage.Kind.SUBSCRIBE) {
                identity.setOptedOut(false);
            }
            updates.customerWrote(conversation, message.receivedAt());
        }
        ReceivedMessage stored = new ReceivedMessage(message, conversation.getId());
        em.persist(stored);
        boolean answerable = CUSTOMER_WRITES.contains(message.kind());
        if (answerable) {
            em.flush(); // the identity column gives the message its id
            em.persist(new PendingMessage(stored.getId(), conversation.getId(), now));
        }
        return Optional.of(new Received(stored, conversation, answerable));
    }

    /** Whether the message is the customer's, with a sender to hold a conversation with. */
    private static boolean fromCustomer(InboundMessage message) {
        return message.kind() != InboundMessage.Kind.STATUS && message.sender() != null
                && !message.sender().isBlank();
    }

    private boolean alreadyReceived(InboundMessage message) {
        return !em.createNamedQuery(ReceivedMessage.BY_CHANNEL_ID, ReceivedMessage.class)
                .setParameter("channel", message.channel()).setParameter("accountKey", message.accountKey())
                .setParameter("channelMessageId", message.channelMessageId())
                .setMaxResults(1).getResultList().isEmpty();
    }
}
