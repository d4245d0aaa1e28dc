package com.parla.connector.inbound;

/**
 * @param endpoints how many bound endpoints listen to the message's channel
 * @param committed how many of them took it, each in its own committed transaction
 */
public record DeliveryOutcome(int endpoints, int committed) {

    /** Taken: every endpoint committed it (so the channel may be told 200, or the poller move past it). */
    public boolean taken() {
        return endpoints > 0 && committed == endpoints;
    }
}
