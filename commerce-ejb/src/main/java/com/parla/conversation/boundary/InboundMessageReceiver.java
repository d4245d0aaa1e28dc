package com.parla.conversation.boundary;

import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessageListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import java.util.List;

/**
 * Receives every normalized message from the messaging connector, in a container transaction: the connector
 * acknowledges the channel only after this commits (several webhooks that arrive together share one).
 */
@MessageDriven(messageListenerInterface = InboundMessageListener.class, activationConfig =
        @ActivationConfigProperty(propertyName = "channels", propertyValue = "*"))
public class InboundMessageReceiver implements InboundMessageListener {

    @EJB
    Conversations conversations;

    @Override
    public void onMessage(InboundMessage message) {
        conversations.receive(message);
    }

    /** Webhooks that arrived together, in one transaction: one commit for all of them. */
    @Override
    public void onMessages(List<InboundMessage> messages) {
        messages.forEach(conversations::receive);
    }
}
