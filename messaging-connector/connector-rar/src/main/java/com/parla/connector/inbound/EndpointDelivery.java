package com.parla.connector.inbound;

import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.InboundMessageListener;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Messages to one endpoint, on the calling thread: one message through {@code onMessage}, several through
 * {@code onMessages}, in one container transaction when the endpoint's delivery is transacted
 * ({@code beforeDelivery}/{@code afterDelivery} bracket it), so that {@link #succeeded()} is only true once that
 * transaction has committed.
 */
final class EndpointDelivery {

    private static final Logger LOG = Logger.getLogger(EndpointDelivery.class.getName());
    private static final Method ON_MESSAGE;
    private static final Method ON_MESSAGES;

    static {
        try {
            ON_MESSAGE = InboundMessageListener.class.getMethod("onMessage", InboundMessage.class);
            ON_MESSAGES = InboundMessageListener.class.getMethod("onMessages", List.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final List<InboundMessage> messages;
    private boolean succeeded;

    EndpointDelivery(MessageEndpointFactory factory, List<InboundMessage> messages) {
        this.factory = factory;
        this.messages = messages;
    }

    void run() {
        Method method = messages.size() == 1 ? ON_MESSAGE : ON_MESSAGES;
        MessageEndpoint endpoint = null;
        try {
            endpoint = factory.createEndpoint(null);
            if (factory.isDeliveryTransacted(method)) {
                endpoint.beforeDelivery(method);
                try {
                    call((InboundMessageListener) endpoint);
                } finally {
                    // ends the container transaction: commits, or rolls back if the listener failed
                    endpoint.afterDelivery();
                }
            } else {
                call((InboundMessageListener) endpoint);
            }
            succeeded = true;
        } catch (Exception e) {
            LOG.log(messages.size() == 1 ? Level.WARNING : Level.FINE, e, () -> "Delivery failed: "
                    + (messages.size() == 1 ? messages.get(0).channel() + "/" + messages.get(0).channelMessageId()
                    : messages.size() + " messages together") + " to " + factory.getActivationName());
        } finally {
            if (endpoint != null) {
                endpoint.release();
            }
        }
    }

    private void call(InboundMessageListener listener) {
        if (messages.size() == 1) {
            listener.onMessage(messages.get(0));
        } else {
            listener.onMessages(messages);
        }
    }

    boolean succeeded() {
        return succeeded;
    }
}
