package com.parla.connector.inbound;

import java.util.List;

/**
 * @param endpoints how many bound endpoints listen to the messages' channel (the fewest, over several messages)
 * @param committed how many of them took the messages, in committed transactions (the fewest, likewise)
 */
public record DeliveryOutcome(int endpoints, int committed) {

    /** Taken: every endpoint committed them (so the channel may be told 200, or the poller move past them). */
    public boolean taken() {
        return endpoints > 0 && committed == endpoints;
    }

    /** The outcome of several deliveries together: taken only if each was. */
    public static DeliveryOutcome all(List<DeliveryOutcome> outcomes) {
        return new DeliveryOutcome(outcomes.stream().mapToInt(DeliveryOutcome::endpoints).min().orElse(0),
                outcomes.stream().mapToInt(DeliveryOutcome::committed).min().orElse(0));
    }
}
