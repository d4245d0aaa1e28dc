package com.parla.conversation.control;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.entity.Conversation;
import com.parla.conversation.entity.CustomerIdentity;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * A customer's conversation, found in one query, or opened with their identity. Opening happens in a transaction
 * of its own: two first messages of a new customer arriving together collide only there, on the unique keys, and
 * the loser finds the winner's rows, committed by then. That race is handled here and nowhere else.
 */
public final class ConversationDirectory {

    private final EntityManager em;
    private final SeparateTransaction separate;

    public ConversationDirectory(EntityManager em, SeparateTransaction separate) {
        this.em = em;
        this.separate = separate;
    }

    public Conversation findOrOpen(InboundMessage message, long storeId) {
        Optional<Conversation> found = find(message);
        if (found.isPresent()) {
            return found.get();
        }
        // false: a concurrent message of the same customer opened them first, so now they are there
        separate.tryRun(tx -> open(tx, message, storeId));
        return find(message).orElseThrow(() -> new IllegalStateException("Could not open a conversation for "
                + message.channel() + "/" + message.accountKey() + "/" + message.channelMessageId()));
    }

    private Optional<Conversation> find(InboundMessage message) {
        return em.createNamedQuery(Conversation.OF_CUSTOMER, Conversation.class)
                .setParameter("accountKey", message.accountKey()).setParameter("channelUserId", message.sender())
                .getResultStream().findFirst();
    }

    private static void open(EntityManager tx, InboundMessage message, long storeId) {
        CustomerIdentity identity = tx.createNamedQuery(CustomerIdentity.BY_ACCOUNT_USER, CustomerIdentity.class)
                .setParameter("accountKey", message.accountKey()).setParameter("channelUserId", message.sender())
                .getResultStream().findFirst().orElse(null);
        if (identity == null) {
            identity = new CustomerIdentity(storeId, message.channel(), message.accountKey(), message.sender(),
                    message.receivedAt());
            tx.persist(identity);
        }
        tx.persist(new Conversation(identity, message.receivedAt()));
    }
}
