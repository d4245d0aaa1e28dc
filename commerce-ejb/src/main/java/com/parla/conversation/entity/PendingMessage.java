package com.parla.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer's message the dialogue engine has not answered yet: written in the transaction that stores the
 * message, removed in the one that answers it. What a crash cut short is still here after the restart.
 */
@Entity
@Table(name = "pending_message")
@NamedQuery(name = PendingMessage.OLDEST_OF, query = "select p from PendingMessage p"
        + " where p.conversationId = :conversation order by p.receivedMessageId")
@NamedQuery(name = PendingMessage.CONVERSATIONS, query = "select distinct p.conversationId from PendingMessage p"
        + " where p.receivedAt < :before")
public class PendingMessage {

    public static final String OLDEST_OF = "PendingMessage.oldestOf";
    public static final String CONVERSATIONS = "PendingMessage.conversations";

    @Id
    @Column(name = "received_message_id")
    private long receivedMessageId;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(nullable = false)
    private int attempts;

    protected PendingMessage() {
    }

    public PendingMessage(long receivedMessageId, long conversationId, Instant receivedAt) {
        this.receivedMessageId = receivedMessageId;
        this.conversationId = conversationId;
        this.receivedAt = receivedAt;
    }

    public long getReceivedMessageId() {
        return receivedMessageId;
    }

    /** @return the attempts so far, this one included */
    public int failedOnce() {
        return ++attempts;
    }

    public long getConversationId() {
        return conversationId;
    }
}
