package com.parla.connector.api;

import jakarta.resource.ResourceException;

/** A handle on the connector for one unit of work. */
public interface ChannelConnection extends AutoCloseable {

    /** The adapter's state as seen from the application: started, and how many inbound endpoints are bound. */
    AdapterStatus status() throws ResourceException;

    /**
     * Delivers a probe message (channel {@link InboundMessage#PROBE_CHANNEL}, channel message id {@code probeId})
     * through the same inbound path as channel traffic, to every bound endpoint, and waits until they are done.
     *
     * @return how many endpoints took the probe without failing
     */
    int deliverProbe(String probeId) throws ResourceException;

    /** Adds or replaces a channel account: its webhooks are taken and its messages can be sent from then on. */
    void register(ChannelAccountRegistration account) throws ResourceException;

    /** Removes an account: its webhooks are refused (404) and sends from it fail. */
    void unregister(String accountKey) throws ResourceException;

    /**
     * Sends one message: waits for the account's and the recipient's pacing slot, renders the message for its
     * channel and posts it. Never throws for channel errors: they come back in the result, classified.
     *
     * @throws ResourceException if the account is not registered or the message cannot be rendered for it
     */
    SendResult send(OutboundMessage message) throws ResourceException;

    @Override
    void close() throws ResourceException;
}
