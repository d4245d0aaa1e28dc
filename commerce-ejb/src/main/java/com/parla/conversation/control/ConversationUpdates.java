package com.parla.conversation.control;

import com.parla.conversation.entity.Conversation;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * The one place that changes a conversation's contended columns: each is a conditional bulk update, so that
 * concurrent transactions (two messages of one customer, an inbound message and a dispatcher, two servers) never
 * write each other's values back. The managed entity is told what its row now holds.
 */
public final class ConversationUpdates {

    private final EntityManager em;

    public ConversationUpdates(EntityManager em) {
        this.em = em;
    }

    /** The customer wrote at {@code at}: the window stays open from the latest message, never moves back. */
    public void customerWrote(Conversation conversation, Instant at) {
        em.createNamedQuery(Conversation.CUSTOMER_WROTE).setParameter("id", conversation.getId())
                .setParameter("at", at).executeUpdate();
        conversation.customerWroteAt(at);
    }

    /** @return true for exactly one caller, even when several messages of a new customer arrive at once */
    public boolean greet(Conversation conversation, Instant now) {
        // greeted_at is only ever set, never cleared: a loaded one needs no second look
        if (conversation.greeted()) {
            return false;
        }
        boolean first = em.createNamedQuery(Conversation.GREET).setParameter("id", conversation.getId())
                .setParameter("now", now).executeUpdate() == 1;
        if (first) {
            conversation.greetedAt(now);
        }
        return first;
    }

    /** Takes the conversation's dispatch for {@code server} until {@code until}, unless someone else holds it. */
    public boolean claimDispatch(long conversationId, String server, Instant now, Instant until) {
        return em.createNamedQuery(Conversation.CLAIM).setParameter("id", conversationId)
                .setParameter("server", server).setParameter("now", now).setParameter("until", until)
                .executeUpdate() == 1;
    }

    /** @return how many claims {@code server} held from before it (re)started */
    public int releaseAllDispatchesOf(String server) {
        return em.createNamedQuery(Conversation.RELEASE_ALL_OF).setParameter("server", server).executeUpdate();
    }

    public void releaseDispatch(long conversationId) {
        em.createNamedQuery(Conversation.RELEASE).setParameter("id", conversationId).executeUpdate();
    }
}
