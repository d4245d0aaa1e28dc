package com.parla.conversation.boundary;

import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessageListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/**
 * Receives every normalized message from the messaging connector, in a container transaction: the connector
 * acknowledges the channel only after this commits.
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
}
