package com.parla.conversation.control;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.CustomerIdentity;
import com.parla.conversation.entity.ReceivedMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    /** What a customer writes or taps, as opposed to events about the account or our own messages. */
    private static final Set<InboundMessage.Kind> CUSTOMER_WRITES = EnumSet.of(InboundMessage.Kind.TEXT,
            InboundMessage.Kind.CHOICE, InboundMessage.Kind.LOCATION, InboundMessage.Kind.MEDIA,
            InboundMessage.Kind.ORDER, InboundMessage.Kind.CONTACTS, InboundMessage.Kind.SUBSCRIBE);

    /**
     * @param conversation null for status callbacks and messages without a sender
     * @param firstMessage whether this is the first thing the customer wrote in the conversation: exactly one
     *                     message gets true, even when several arrive at once
     */
    public record Received(ReceivedMessage message, Conversation conversation, boolean firstMessage) {
    }

    /**
     * Finds or creates the customer's identity and conversation. The application runs this in a transaction of
     * its own before {@link #receive}, so that two first messages of a new customer arriving together collide
     * only here, where the loser simply tries again and finds the winner's rows.
     */
    public Conversation open(InboundMessage message, long storeId) {
        CustomerIdentity identity = identity(message, storeId);
        return em.createNamedQuery(Conversation.OF_IDENTITY, Conversation.class)
                .setParameter("identity", identity).getResultStream().findFirst()
                .orElseGet(() -> {
                    Conversation started = new Conversation(identity, message.receivedAt());
                    em.persist(started);
                    return started;
                });
    }

    /** Whether the customer already has a conversation on this account (then nothing needs creating). */
    public boolean hasConversation(InboundMessage message) {
        return !em.createNamedQuery(CustomerIdentity.BY_ACCOUNT_USER, CustomerIdentity.class)
                .setParameter("accountKey", message.accountKey()).setParameter("channelUserId", message.sender())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the message is the customer's, with a sender to hold a conversation with. */
    public static boolean opensConversation(InboundMessage message) {
        return message.kind() != InboundMessage.Kind.STATUS && message.kind() != InboundMessage.Kind.PROBE
                && message.sender() != null && !message.sender().isBlank();
    }

    /** @return empty if the channel had already delivered this message */
    public Optional<Received> receive(InboundMessage message, long storeId, Instant now) {
        if (alreadyReceived(message)) {
            return Optional.empty();
        }
        if (!opensConversation(message)) {
            if (message.status() != null) {
                new Outbox(em).applyStatus(message.accountKey(), message.status(), now);
            }
            ReceivedMessage stored = new ReceivedMessage(message);
            em.persist(stored);
            return Optional.of(new Received(stored, null, false));
        }
        Conversation conversation = open(message, storeId);
        CustomerIdentity identity = conversation.getIdentity();
        identity.seen(message.senderName(), message.receivedAt());
        if (message.kind() == InboundMessage.Kind.UNSUBSCRIBE) {
            identity.setOptedOut(true);
        } else {
            if (message.kind() == InboundMessage.Kind.SUBSCRIBE) {
                identity.setOptedOut(false);
            }
            em.createNamedQuery(Conversation.CUSTOMER_WROTE).setParameter("id", conversation.getId())
                    .setParameter("at", message.receivedAt()).executeUpdate();
        }
        ReceivedMessage stored = new ReceivedMessage(message, conversation.getId());
        em.persist(stored);
        // greeted_at is only ever set, never cleared: a loaded non-null one needs no second look
        boolean first = CUSTOMER_WRITES.contains(message.kind()) && conversation.getGreetedAt() == null
                && em.createNamedQuery(Conversation.GREET).setParameter("id", conversation.getId())
                .setParameter("now", now).executeUpdate() == 1;
        if (first) {
            em.refresh(conversation); // the bulk updates bypassed it, and the greeting needs the open window
        }
        return Optional.of(new Received(stored, conversation, first));
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
        return identity;
    }
}
