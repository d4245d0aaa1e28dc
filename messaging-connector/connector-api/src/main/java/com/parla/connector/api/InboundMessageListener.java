package com.parla.connector.api;

import java.util.List;

/**
 * The message listener type of the connector's inbound side: message-driven beans implement it and the adapter
 * delivers inside a container transaction. Throwing rolls the transaction back and tells the adapter the
 * messages were not taken.
 */
public interface InboundMessageListener {

    void onMessage(InboundMessage message);

    /**
     * Several messages in one transaction: the connector groups the messages of webhooks that arrive together so
     * that they share one commit. If this throws, nothing of it is kept and the connector delivers the messages
     * again one by one, so one bad message never holds back the others.
     */
    void onMessages(List<InboundMessage> messages);
}
