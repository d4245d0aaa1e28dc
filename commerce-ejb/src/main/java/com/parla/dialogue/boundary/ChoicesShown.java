package com.parla.dialogue.boundary;

import com.parla.connector.api.OutboundMessage.Choice;
import java.util.List;

/** A notice put these choices before the customer. */
public record ChoicesShown(long conversationId, List<Choice> choices) {
}
