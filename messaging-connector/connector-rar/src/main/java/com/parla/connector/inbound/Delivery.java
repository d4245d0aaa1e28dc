package com.parla.connector.inbound;

import com.parla.connector.api.InboundMessage;
import java.util.List;

/**
 * Hands normalized messages (those of one webhook, or of one polled update) to the bound message endpoints, on
 * the calling thread (a webhook exchange or a poller, both WorkManager work), and says what became of them.
 * Webhooks and pollers deliver through it alike.
 */
@FunctionalInterface
public interface Delivery {

    /** @param messages at least one */
    DeliveryOutcome deliver(List<InboundMessage> messages);
}
