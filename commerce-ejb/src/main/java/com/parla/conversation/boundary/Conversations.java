package com.parla.conversation.boundary;

import com.parla.connector.api.Channel;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.OutboundMessage;
import com.parla.conversation.control.ConversationOpening;
import com.parla.conversation.control.ConversationRecorder;
import com.parla.conversation.control.ConversationUpdates;
import com.parla.conversation.control.InboxActivity;
import com.parla.conversation.control.Outbox;
import com.parla.conversation.control.OutboxWritten;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.CustomerIdentity;
import com.parla.conversation.entity.OutboxMessage;
import com.parla.conversation.entity.PendingMessage;
import com.parla.conversation.entity.ReceivedMessage;
import com.parla.customer.boundary.CustomersJoined;
import com.parla.store.boundary.AccountOwner;
import com.parla.store.boundary.StoreDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
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

    @Inject
    Event<CustomerWrote> customerWrote;

    @EJB
    InboxActivity activity;

    @Inject
    Event<ChannelPaymentArrived> channelPayment;

    @EJB
    ConversationOpening opening;

    @EJB
    StoreDirectory stores;

    @EJB
    InboundRate inboundRate;

    /**
     * Records a delivered message once, in the caller's transaction; what the customer wrote is answered by the
     * dialogue engine after that commits.
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
        Optional<ConversationRecorder.Received> received = new ConversationRecorder(em, opening::tryRun)
                .receive(message, owner.get().storeId(), Instant.now());
        received.filter(ConversationRecorder.Received::awaitsReply).ifPresent(r -> {
            inboundRate.took(1);
            customerWrote.fire(new CustomerWrote(r.conversation().getId()));
        });
        received.filter(r -> r.conversation() != null && message.payment() != null
                && (message.kind() == InboundMessage.Kind.PAYMENT || message.kind() == InboundMessage.Kind.PAYMENT_CHECK))
                .ifPresent(r -> channelPayment.fire(new ChannelPaymentArrived(owner.get().storeId(),
                        r.conversation().getId(), message.accountKey(),
                        message.kind() == InboundMessage.Kind.PAYMENT_CHECK, message.payment())));
        received.ifPresent(r -> activity.changed()); // a message, or a delivery status of one of ours
        return received.isPresent();
    }

    public Optional<ConversationRef> conversation(long conversationId) {
        return Optional.ofNullable(em.find(Conversation.class, conversationId)).map(ConversationRef::of);
    }

    /** The oldest message of the conversation still to be answered. */
    public Optional<CustomerMessage> nextToAnswer(long conversationId) {
        return em.createNamedQuery(PendingMessage.OLDEST_OF, PendingMessage.class)
                .setParameter("conversation", conversationId).setMaxResults(1).getResultStream().findFirst()
                .map(p -> em.find(ReceivedMessage.class, p.getReceivedMessageId())).map(CustomerMessage::of);
    }

    /** What the assistant read in a customer's message, for the people who read the conversation later. */
    public void understood(long messageId, String intent, double confidence) {
        ReceivedMessage message = em.find(ReceivedMessage.class, messageId);
        if (message != null) {
            message.read(intent, confidence);
        }
    }

    /** The message has been answered (or deliberately left to a person), in the transaction of the answer. */
    public void answered(long messageId) {
        PendingMessage pending = em.find(PendingMessage.class, messageId);
        if (pending != null) {
            em.remove(pending);
        }
    }

    /**
     * A turn on the conversation's oldest pending message failed (and rolled back).
     *
     * @return the message, if it failed {@code max} times and was taken off the pending ones
     */
    public Optional<CustomerMessage> turnFailed(long conversationId, int max) {
        Optional<PendingMessage> pending = em.createNamedQuery(PendingMessage.OLDEST_OF, PendingMessage.class)
                .setParameter("conversation", conversationId).setMaxResults(1).getResultStream().findFirst();
        if (pending.isEmpty() || pending.get().failedOnce() < max) {
            return Optional.empty();
        }
        em.remove(pending.get());
        return Optional.of(CustomerMessage.of(em.find(ReceivedMessage.class, pending.get().getReceivedMessageId())));
    }

    /** How many messages of the customer on that account still await the engine's answer. */
    public long pendingOf(Channel channel, String accountKey, String channelUserId) {
        return em.createQuery("select count(p) from PendingMessage p, Conversation c join c.identity i"
                        + " where p.conversationId = c.id and i.channel = :channel and i.accountKey = :account"
                        + " and i.channelUserId = :user", Long.class)
                .setParameter("channel", channel).setParameter("account", accountKey).setParameter("user", channelUserId)
                .getSingleResult();
    }

    /** The customer behind a channel identity, once the engine (or the store's CRM) tied one to it. */
    public Optional<Long> customerOf(Channel channel, String accountKey, String channelUserId) {
        return em.createNamedQuery(CustomerIdentity.BY_ACCOUNT_USER, CustomerIdentity.class)
                .setParameter("accountKey", accountKey).setParameter("channelUserId", channelUserId)
                .getResultStream().filter(i -> i.getChannel() == channel).findFirst()
                .map(CustomerIdentity::getCustomerId);
    }

    /** The dialogue engine's backlog: how many customer messages await an answer, and since when the oldest. */
    public record Backlog(long messages, Instant oldestSince) {
    }

    public Backlog backlog() {
        Object[] row = em.createQuery("select count(p), min(p.receivedAt) from PendingMessage p", Object[].class)
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** Conversations with messages waiting longer than {@code before}: what a crash or a busy server left. */
    public List<Long> awaitingAnswer(Instant before, int max) {
        return em.createNamedQuery(PendingMessage.CONVERSATIONS, Long.class).setParameter("before", before)
                .setMaxResults(max).getResultList();
    }

    /** @return true once per conversation: the first answer greets */
    public boolean greetOnce(long conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        return conversation != null && new ConversationUpdates(em).greet(conversation, Instant.now());
    }

    /**
     * A customer the store already knows on a channel (its CRM's, the demo's): their identity there, tied to them
     * before they first write.
     */
    public void knownIdentity(long storeId, Channel channel, String accountKey, String channelUserId,
                              long customerId) {
        CustomerIdentity identity = new CustomerIdentity(
                storeId, channel, accountKey, channelUserId, Instant.now());
        identity.setCustomerId(customerId);
        em.persist(identity);
    }

    /** Ties the conversation's channel identity to the person behind it. */
    public void linkCustomer(long conversationId, long customerId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null) {
            throw new IllegalArgumentException("No conversation " + conversationId);
        }
        conversation.getIdentity().setCustomerId(customerId);
    }

    /** A person's two records became one: every identity of theirs now leads to the one that stays. */
    public void customersJoined(@Observes CustomersJoined event) {
        em.createQuery("select i from CustomerIdentity i where i.storeId = :store and i.customerId = :customer",
                        CustomerIdentity.class).setParameter("store", event.storeId())
                .setParameter("customer", event.from()).getResultList().forEach(i -> i.setCustomerId(event.into()));
    }

    /** The customer said STOP (or START again): the identity's flag, which the sending side checks. */
    public void setOptedOut(long conversationId, boolean optedOut) {
        Optional.ofNullable(em.find(Conversation.class, conversationId))
                .ifPresent(c -> c.getIdentity().setOptedOut(optedOut));
    }

    /** The conversations of one person, on any channel, newest first. */
    public List<ConversationRef> conversationsOf(long customerId) {
        return em.createQuery("select c from Conversation c join fetch c.identity i where i.customerId = :customer"
                        + " order by c.lastInboundAt desc", Conversation.class)
                .setParameter("customer", customerId).getResultStream().map(ConversationRef::of).toList();
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
