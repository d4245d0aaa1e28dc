package com.parla.conversation.control;

import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.OutboundMessage.Choice;
import java.util.List;

/**
 * The store's answer to a customer's first message: a greeting and the menu, until the dialogue engine of the
 * commerce work takes over. The button ids come back as the payload of the customer's choice.
 */
public final class Greeting {

    public static final String BROWSE = "menu:browse";
    public static final String TRACK = "menu:track";
    public static final String AGENT = "menu:agent";

    private Greeting() {
    }

    public static OutboundMessage forFirstMessage(String accountKey, String recipient, String storeName,
                                                  String customerName, String replyTo) {
        String hello = customerName == null || customerName.isBlank() ? "Hello!" : "Hello " + customerName + "!";
        return OutboundMessage.builder(accountKey, recipient, OutboundMessage.Kind.BUTTONS)
                .text(hello + " Welcome to " + storeName + ". What can we do for you?")
                .choices(List.of(new Choice(BROWSE, "Browse products", null),
                        new Choice(TRACK, "Track my order", null),
                        new Choice(AGENT, "Talk to a person", null)))
                .replyTo(replyTo)
                .build();
    }
}
