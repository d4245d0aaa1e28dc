package com.parla.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a person of the store noted on a conversation for the others; never sent to the customer. */
@Entity
@Table(name = "conversation_note")
public class ConversationNote {

    public static final int MAX_BODY = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ConversationNote() {
    }

    public ConversationNote(long conversationId, long staffId, String body, Instant at) {
        this.conversationId = conversationId;
        this.staffId = staffId;
        this.body = body;
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }
}
