package com.parla.conversation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reply to a customer, written in the business transaction and sent after it commits. Its status follows the
 * channel: accepted (SENT), then DELIVERED and READ from the status callbacks, or FAILED with the channel's code.
 */
@Entity
@Table(name = "outbox_message")
@NamedQuery(name = OutboxMessage.NEXT_OF_CONVERSATION, query = "select m.id, m.content, m.attempts, m.nextAttemptAt,"
        + " m.attemptStartedAt, c.channel, c.lastInboundAt from OutboxMessage m, Conversation c"
        + " where c.id = m.conversationId and m.conversationId = :conversation"
        + " and m.status = com.parla.conversation.entity.OutboxMessage.Status.PENDING order by m.id")
@NamedQuery(name = OutboxMessage.ATTEMPT_STARTED, query = "update OutboxMessage m set m.attemptStartedAt = :now,"
        + " m.resentAfterInterruption = :resent where m.id = :id")
@NamedQuery(name = OutboxMessage.SENT, query = "update OutboxMessage m"
        + " set m.status = com.parla.conversation.entity.OutboxMessage.Status.SENT, m.channelMessageId = :channelId,"
        + " m.attempts = m.attempts + 1, m.sentAt = :now, m.updatedAt = :now, m.attemptStartedAt = null"
        + " where m.id = :id and m.status = com.parla.conversation.entity.OutboxMessage.Status.PENDING")
@NamedQuery(name = OutboxMessage.DUE_CONVERSATIONS, query = "select distinct m.conversationId from OutboxMessage m"
        + " where m.status = com.parla.conversation.entity.OutboxMessage.Status.PENDING and m.nextAttemptAt <= :now")
@NamedQuery(name = OutboxMessage.BY_CHANNEL_ID, query = "select m from OutboxMessage m"
        + " where m.accountKey = :accountKey and m.channelMessageId = :channelMessageId")
@NamedQuery(name = OutboxMessage.OF_CONVERSATION, query = "select m from OutboxMessage m"
        + " where m.conversationId = :conversation order by m.id")
public class OutboxMessage {

    /** The oldest unsent message of a conversation, with what the window check needs of the conversation. */
    public static final String NEXT_OF_CONVERSATION = "OutboxMessage.nextOfConversation";
    /** An attempt begins: marked before the channel is called (see {@link #isResentAfterInterruption()}). */
    public static final String ATTEMPT_STARTED = "OutboxMessage.attemptStarted";
    /** The channel took it: one statement, so that the window between its answer and the record is short. */
    public static final String SENT = "OutboxMessage.sent";
    public static final String DUE_CONVERSATIONS = "OutboxMessage.dueConversations";
    public static final String BY_CHANNEL_ID = "OutboxMessage.byChannelId";
    public static final String OF_CONVERSATION = "OutboxMessage.ofConversation";
    public static final int MAX_CONTENT = 16_000;

    /** In the order a message moves through; a callback never moves it backwards. */
    public enum Status { PENDING, SENT, DELIVERED, READ, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(name = "account_key", nullable = false, length = 64)
    private String accountKey;

    @Column(nullable = false, length = 128)
    private String recipient;

    @Column(nullable = false, length = 32)
    private String kind;

    /** The normalized message as JSON, rendered for the channel only when sent. */
    @Column(nullable = false, length = MAX_CONTENT)
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "channel_message_id", length = 128)
    private String channelMessageId;

    @Column(name = "error_code", length = 32)
    private String errorCode;

    @Column(length = 500)
    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Set while an attempt is under way; still set after a crash when its outcome was never recorded. */
    @Column(name = "attempt_started_at")
    private Instant attemptStartedAt;

    @Column(name = "resent_after_interruption", nullable = false)
    private boolean resentAfterInterruption;

    /** The person of the store who wrote it in the console; null for the assistant's replies and notices. */
    @Column(name = "sent_by_staff_id")
    private Long sentByStaffId;

    protected OutboxMessage() {
    }

    public OutboxMessage(long conversationId, String accountKey, String recipient, String kind, String content,
                         Instant now) {
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("message content over " + MAX_CONTENT + " characters");
        }
        this.conversationId = conversationId;
        this.accountKey = accountKey;
        this.recipient = recipient;
        this.kind = kind;
        this.content = content;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void accepted(String channelMessageId, Instant now) {
        attempts++;
        attemptStartedAt = null;
        this.channelMessageId = channelMessageId;
        status = Status.SENT;
        sentAt = now;
        updatedAt = now;
    }

    public void retryAt(Instant when, String errorCode, String error, Instant now) {
        attempts++;
        attemptStartedAt = null;
        nextAttemptAt = when;
        setError(errorCode, error);
        updatedAt = now;
    }

    /** Held back by pacing: not an attempt, nothing went wrong. */
    public void postpone(Instant when, Instant now) {
        attemptStartedAt = null;
        nextAttemptAt = when;
        updatedAt = now;
    }

    public void failed(String errorCode, String error, Instant now) {
        attemptStartedAt = null;
        status = Status.FAILED;
        setError(errorCode, error);
        updatedAt = now;
    }

    /** A status callback: forward only (a late "delivered" after "read" changes nothing); failure always counts. */
    public boolean advanceTo(Status reported, String errorCode, String error, Instant now) {
        if (reported == Status.FAILED ? status == Status.FAILED : reported.ordinal() <= status.ordinal()
                || status == Status.FAILED) {
            return false;
        }
        status = reported;
        if (reported == Status.FAILED) {
            setError(errorCode, error);
        }
        updatedAt = now;
        return true;
    }

    public void countAttempt() {
        attempts++;
    }

    private void setError(String code, String text) {
        errorCode = code == null ? null : code.length() > 32 ? code.substring(0, 32) : code;
        this.error = text == null ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** Written by this person of the store (before it is persisted). */
    public void writtenBy(long staffId) {
        this.sentByStaffId = staffId;
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public String getAccountKey() {
        return accountKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getKind() {
        return kind;
    }

    public String getContent() {
        return content;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getChannelMessageId() {
        return channelMessageId;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getError() {
        return error;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /**
     * Whether an earlier attempt was interrupted after it began and before its outcome was recorded (a crash):
     * the channel may have delivered it then, so this send may be a duplicate. Channels take no idempotency key.
     */
    public boolean isResentAfterInterruption() {
        return resentAfterInterruption;
    }
}
