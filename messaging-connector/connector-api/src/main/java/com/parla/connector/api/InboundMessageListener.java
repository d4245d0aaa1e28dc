package com.parla.connector.api;

/**
 * The message listener type of the connector's inbound side: message-driven beans implement it and the adapter
 * delivers each {@link InboundMessage} inside a container transaction. Throwing rolls the transaction back and
 * tells the adapter the message was not taken.
 */
public interface InboundMessageListener {

    void onMessage(InboundMessage message);
}
