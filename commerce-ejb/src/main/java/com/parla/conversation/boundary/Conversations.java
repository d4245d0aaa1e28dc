package com.parla.conversation.boundary;

import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.OutboundMessage;
import com.parla.conversation.control.ConversationOpening;
import com.parla.conversation.control.ConversationRecorder;
import com.parla.conversation.control.Greeting;
import com.parla.conversation.control.Outbox;
import com.parla.conversation.control.OutboxWritten;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.OutboxMessage;
import com.parla.conversation.entity.ReceivedMessage;
import com.parla.store.boundary.AccountOwner;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The conversations with customers: what came in, and the replies that go out through the outbox. */
@Stateless
public class Conversations {

    private static final Logger LOG = Logger.getLogger(Conversations.class.getName());

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    @Inject
    Event<OutboxWritten> outboxWritten;

    @EJB
    ConversationOpening opening;

    @EJB
    StoreDirectory stores;

    /**
     * Records a delivered message once and, when it opens a conversation, answers with the store's greeting and
     * menu, in the same transaction.
     *
     * @return false if the channel had already delivered it
     */
    public boolean receive(InboundMessage message) {
        Optional<AccountOwner> owner = stores.ownerOf(message.accountKey())
                .filter(o -> o.channel() == message.channel());
        if (owner.isEmpty()) {
            // the connector only takes webhooks of registered accounts; this one was removed meanwhile
            LOG.warning(() -> "Message for an unknown account dropped: " + message.channel() + "/"
                    + message.accountKey());
            return false;
        }
        Instant now = Instant.now();
        Optional<ConversationRecorder.Received> received = new ConversationRecorder(em, opening::tryRun)
                .receive(message, owner.get().storeId(), now);
        received.filter(ConversationRecorder.Received::firstMessage)
                .ifPresent(r -> reply(r.conversation(), Greeting.forFirstMessage(message.accountKey(),
                        message.sender(), owner.get().storeName(), r.conversation().getIdentity().getDisplayName(),
                        message.channelMessageId()), now));
        return received.isPresent();
    }

    /** Queues a reply in the caller's transaction; it is sent once that commits. */
    public OutboxMessage reply(long conversationId, OutboundMessage message) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null) {
            throw new IllegalArgumentException("No conversation " + conversationId);
        }
        return reply(conversation, message, Instant.now());
    }

    private OutboxMessage reply(Conversation conversation, OutboundMessage message, Instant now) {
        OutboxMessage queued = new Outbox(em).enqueue(conversation, message, now);
        outboxWritten.fire(new OutboxWritten(conversation.getId()));
        return queued;
    }

    public Optional<ReceivedMessage> find(Channel channel, String accountKey, String channelMessageId) {
        return em.createNamedQuery(ReceivedMessage.BY_CHANNEL_ID, ReceivedMessage.class)
                .setParameter("channel", channel).setParameter("accountKey", accountKey)
                .setParameter("channelMessageId", channelMessageId)
                .getResultStream().findFirst();
    }

    public List<OutboxMessage> outboxOf(long conversationId) {
        return em.createNamedQuery(OutboxMessage.OF_CONVERSATION, OutboxMessage.class)
                .setParameter("conversation", conversationId).getResultList();
    }
}
