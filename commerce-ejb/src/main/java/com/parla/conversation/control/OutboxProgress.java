package com.parla.conversation.control;

import com.parla.connector.api.Channel;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.ChannelConnectionFactory;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import com.parla.conversation.entity.OutboxMessage;
import com.parla.platform.boundary.PlatformResources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.resource.ResourceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The outbox's progress, step by step, each step its own short transaction so that the channel call itself holds
 * no transaction or database connection: which conversations have messages due; the claim with the first message
 * (marked as under way before it goes); the send; what became of it with the next message, or the claim given
 * back. A conversation with one reply costs two commits around its send.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxProgress {

    private static final Logger LOG = Logger.getLogger(OutboxProgress.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Resource(lookup = PlatformResources.CHANNEL_FACTORY)
    ChannelConnectionFactory channels;

    /**
     * The next message to send, with whether the conversation's service window still allows it.
     *
     * @param attemptsSoFar failed attempts before this one
     */
    public record Dispatch(long outboxId, OutboundMessage message, int attemptsSoFar, boolean windowOpen) {
    }

    public List<Long> dueConversations(Instant now) {
        return em.createNamedQuery(OutboxMessage.DUE_CONVERSATIONS, Long.class).setParameter("now", now)
                .setMaxResults(500).getResultList();
    }

    /**
     * Takes the conversation's dispatch for a while (one sender at a time keeps its messages in order) and returns
     * its next message, in one transaction. Nothing due: the claim is given back at once.
     *
     * @return empty when another sender holds the conversation or nothing is due
     */
    public Optional<Dispatch> begin(long conversationId, String server, Instant now, Instant until) {
        ConversationUpdates updates = new ConversationUpdates(em);
        if (!updates.claimDispatch(conversationId, server, now, until)) {
            return Optional.empty();
        }
        return nextOrRelease(conversationId, now);
    }

    /**
     * Records what became of a send and, in the same transaction, returns the next message, unless this one is to
     * be tried again later (the messages behind it wait, to stay in order): then the claim is given back.
     */
    public Optional<Dispatch> recordAndContinue(long conversationId, Dispatch dispatch, SendResult result,
                                                Instant now) {
        record(dispatch, result, now);
        if (result.outcome() == SendResult.Outcome.RETRY) {
            new ConversationUpdates(em).releaseDispatch(conversationId);
            return Optional.empty();
        }
        return nextOrRelease(conversationId, now);
    }

    /** The window closed before the message could go: it fails, and the next one is returned. */
    public Optional<Dispatch> windowClosedAndContinue(long conversationId, Dispatch dispatch, Instant now) {
        em.find(OutboxMessage.class, dispatch.outboxId()).failed("window-closed",
                "the customer-service window closed before the message could be sent", now);
        return nextOrRelease(conversationId, now);
    }

    /** Gives the claim back (after a failure half-way; the normal path gives it back with its last step). */
    public void release(long conversationId) {
        new ConversationUpdates(em).releaseDispatch(conversationId);
    }

    public int releaseAllOf(String server) {
        return new ConversationUpdates(em).releaseAllDispatchesOf(server);
    }

    private Optional<Dispatch> nextOrRelease(long conversationId, Instant now) {
        Optional<Dispatch> next = next(conversationId, now);
        if (next.isEmpty()) {
            new ConversationUpdates(em).releaseDispatch(conversationId);
        }
        return next;
    }

    /**
     * The oldest unsent message, if it is due (a later one never overtakes it), marked as under way. One found
     * still marked from an earlier attempt was interrupted before its outcome was recorded: it is sent again and
     * flagged as a possible duplicate.
     */
    private Optional<Dispatch> next(long conversationId, Instant now) {
        List<Object[]> rows = em.createNamedQuery(OutboxMessage.NEXT_OF_CONVERSATION, Object[].class)
                .setParameter("conversation", conversationId).setMaxResults(1).getResultList();
        if (rows.isEmpty() || ((Instant) rows.get(0)[3]).isAfter(now)) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long id = (Long) row[0];
        OutboundMessage message = OutboundCodec.fromJson((String) row[1]);
        boolean interrupted = row[4] != null;
        if (interrupted) {
            LOG.warning(() -> "Outbox message " + id + " was being sent when the server stopped; it is sent again"
                    + " and may reach the customer twice");
        }
        em.createNamedQuery(OutboxMessage.ATTEMPT_STARTED).setParameter("id", id).setParameter("now", now)
                .setParameter("resent", interrupted).executeUpdate();
        boolean open = !message.needsOpenWindow() || ((Channel) row[5]).windowOpen((Instant) row[6], now);
        return Optional.of(new Dispatch(id, message, (Integer) row[2], open));
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

    private void record(Dispatch dispatch, SendResult result, Instant now) {
        if (result.outcome() == SendResult.Outcome.ACCEPTED) {
            em.createNamedQuery(OutboxMessage.SENT).setParameter("id", dispatch.outboxId())
                    .setParameter("channelId", result.channelMessageId()).setParameter("now", now).executeUpdate();
            return;
        }
        OutboxMessage message = em.find(OutboxMessage.class, dispatch.outboxId());
        if (result.outcome() == SendResult.Outcome.FAILED) {
            message.countAttempt();
            message.failed(result.errorCode(), result.error(), now);
        } else if (result.postponed()) {
            message.postpone(now.plus(result.retryAfter()), now);
        } else {
            RetrySchedule.afterFailedAttempt(result, message.getAttempts()).ifPresentOrElse(
                    wait -> message.retryAt(now.plus(wait), result.errorCode(), result.error(), now),
                    () -> {
                        message.countAttempt();
                        message.failed(result.errorCode(), "gave up after " + RetrySchedule.MAX_ATTEMPTS
                                + " attempts: " + result.error(), now);
                    });
        }
    }

}
