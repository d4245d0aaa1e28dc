package com.parla.conversation.control;

/** A reply was written to the outbox of a conversation; observed after the transaction commits. */
public record OutboxWritten(long conversationId) {
}
