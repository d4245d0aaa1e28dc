package com.parla.dialogue.boundary;

import com.parla.connector.api.OutboundMessage.Choice;
import java.util.List;

/** A notice put these choices before the customer (none: it showed none, and older ones are no longer before them). */
public record ChoicesShown(long conversationId, List<Choice> choices) {
}
