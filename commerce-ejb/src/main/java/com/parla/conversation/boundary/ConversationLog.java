package com.parla.conversation.boundary;

import com.parla.connector.api.InboundMessage;
import com.parla.conversation.entity.ReceivedMessage;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Stores inbound channel messages exactly once. */
@Stateless
public class ConversationLog {

    @PersistenceContext(unitName = "parla")
    EntityManager em;

    /**
     * @return false if the channel had already delivered this message (no second effect). Concurrent duplicates
     *         collide on the unique key; the loser rolls back and the channel's retry then finds the first.
     */
    public boolean record(InboundMessage message) {
        if (find(message.channel(), message.accountKey(), message.channelMessageId()).isPresent()) {
            return false;
        }
        em.persist(new ReceivedMessage(message));
        return true;
    }

    public Optional<ReceivedMessage> find(String channel, String accountKey, String channelMessageId) {
        return em.createNamedQuery(ReceivedMessage.BY_CHANNEL_ID, ReceivedMessage.class)
                .setParameter("channel", channel).setParameter("accountKey", accountKey)
                .setParameter("channelMessageId", channelMessageId)
                .getResultStream().findFirst();
    }
}
