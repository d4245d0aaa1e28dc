package com.parla.conversation.boundary;

/** A customer's message awaits an answer in the conversation; observed after the storing transaction commits. */
public record CustomerWrote(long conversationId) {
}
