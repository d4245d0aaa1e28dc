package com.parla.connector.inbound;

import com.parla.connector.api.InboundMessage;

/**
 * Hands one normalized message to the bound message endpoints, on the calling thread (a webhook exchange or a
 * poller, both WorkManager work), and says what became of it. Webhooks and pollers deliver through it alike.
 */
@FunctionalInterface
public interface Delivery {

    DeliveryOutcome deliver(InboundMessage message);
}
