package com.parla.conversation.boundary;

import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import com.parla.conversation.control.OutboundCodec;
import com.parla.conversation.control.ServiceWindow;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.OutboxMessage;
import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The steps of dispatching a conversation's outbox, each in its own short transaction, so that the channel call
 * itself holds no transaction or database connection.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxSteps {

    /** Attempts before a message that keeps failing transiently is given up (the channel's error is kept). */
    public static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Resource(lookup = PlatformResources.CHANNEL_FACTORY)
    ChannelConnectionFactory channels;

    /** The next message to send, with whether the conversation's service window still allows it. */
    public record Dispatch(long outboxId, OutboundMessage message, int attempts, boolean windowOpen) {
    }

    public List<Long> dueConversations(Instant now) {
        return em.createNamedQuery(OutboxMessage.DUE_CONVERSATIONS, Long.class).setParameter("now", now)
                .setMaxResults(500).getResultList();
    }

    /** Takes the conversation's dispatch for a while: one dispatcher at a time keeps its messages in order. */
    public boolean claim(long conversationId, Instant now, Instant until) {
        return em.createNamedQuery(Conversation.CLAIM).setParameter("id", conversationId)
                .setParameter("now", now).setParameter("until", until).executeUpdate() == 1;
    }

    public void release(long conversationId) {
        em.createNamedQuery(Conversation.RELEASE).setParameter("id", conversationId).executeUpdate();
    }

    /** The oldest unsent message, if it is due: a later one never overtakes it. */
    public Optional<Dispatch> next(long conversationId, Instant now) {
        Optional<OutboxMessage> oldest = em.createNamedQuery(OutboxMessage.NEXT_OF_CONVERSATION, OutboxMessage.class)
                .setParameter("conversation", conversationId).setMaxResults(1).getResultStream().findFirst();
        if (oldest.isEmpty() || oldest.get().getNextAttemptAt().isAfter(now)) {
            return Optional.empty();
        }
        Conversation conversation = em.find(Conversation.class, conversationId);
        OutboundMessage message = OutboundCodec.fromJson(oldest.get().getContent());
        boolean open = !message.needsOpenWindow()
                || ServiceWindow.isOpen(conversation.getChannel(), conversation.getLastInboundAt(), now);
        return Optional.of(new Dispatch(oldest.get().getId(), message, oldest.get().getAttempts(), open));
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SendResult send(OutboundMessage message) {
        try (ChannelConnection connection = channels.getConnection()) {
            return connection.send(message);
        } catch (ResourceException e) {
            // the account is not registered or the message cannot be rendered for its channel: trying again
            // would give the same answer
            return SendResult.failed("connector", e.getMessage());
        }
    }

    public void record(long outboxId, SendResult result, Instant now) {
        OutboxMessage message = em.find(OutboxMessage.class, outboxId);
        switch (result.outcome()) {
            case ACCEPTED -> message.accepted(result.channelMessageId(), now);
            case FAILED -> {
                message.countAttempt();
                message.failed(result.errorCode(), result.error(), now);
            }
            case RETRY -> {
                if (SendResult.PACED.equals(result.errorCode())) {
                    message.postpone(now.plus(result.retryAfter()), now);
                } else if (message.getAttempts() + 1 >= MAX_ATTEMPTS) {
                    message.countAttempt();
                    message.failed(result.errorCode(), "gave up after " + MAX_ATTEMPTS + " attempts: "
                            + result.error(), now);
                } else {
                    message.retryAt(now.plus(retryDelay(result, message.getAttempts())), result.errorCode(),
                            result.error(), now);
                }
            }
        }
    }

    public void windowClosed(long outboxId, Instant now) {
        em.find(OutboxMessage.class, outboxId).failed("window-closed",
                "the customer-service window closed before the message could be sent", now);
    }

    /** The channel's own delay when it gives one, else doubling from 2 s, at most 5 min. */
    static Duration retryDelay(SendResult result, int attemptsSoFar) {
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsSoFar, 8));
        Duration delay = result.retryAfter() != null && result.retryAfter().compareTo(backoff) > 0
                ? result.retryAfter() : backoff;
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }
}
