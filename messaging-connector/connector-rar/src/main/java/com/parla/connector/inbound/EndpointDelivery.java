package com.parla.connector.inbound;

import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessageListener;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One message to one endpoint, on the calling thread. When the endpoint's delivery is transacted,
 * {@code beforeDelivery}/{@code afterDelivery} bracket the container transaction, so {@link #succeeded()} is only
 * true once that transaction has committed.
 */
final class EndpointDelivery {

    private static final Logger LOG = Logger.getLogger(EndpointDelivery.class.getName());
    private static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = InboundMessageListener.class.getMethod("onMessage", InboundMessage.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final InboundMessage message;
    private boolean succeeded;

    EndpointDelivery(MessageEndpointFactory factory, InboundMessage message) {
        this.factory = factory;
        this.message = message;
    }

    void run() {
        MessageEndpoint endpoint = null;
        try {
            endpoint = factory.createEndpoint(null);
            if (factory.isDeliveryTransacted(ON_MESSAGE)) {
                deliverTransacted(endpoint);
            } else {
                ((InboundMessageListener) endpoint).onMessage(message);
            }
            succeeded = true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, e, () -> "Delivery failed: " + message.channel() + "/" + message.channelMessageId()
                    + " to " + factory.getActivationName());
        } finally {
            if (endpoint != null) {
                endpoint.release();
            }
        }
    }

    private void deliverTransacted(MessageEndpoint endpoint) throws Exception {
        endpoint.beforeDelivery(ON_MESSAGE);
        try {
            ((InboundMessageListener) endpoint).onMessage(message);
        } finally {
            // ends the container transaction: commits, or rolls back if onMessage failed
            endpoint.afterDelivery();
        }
    }

    boolean succeeded() {
        return succeeded;
    }
}
