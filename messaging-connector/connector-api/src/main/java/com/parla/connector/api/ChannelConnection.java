package com.parla.connector.api;

import jakarta.resource.ResourceException;

/** A handle on the connector's sending path for one unit of work; administration is {@link ChannelAdministration}. */
public interface ChannelConnection extends AutoCloseable {

    /**
     * Sends one message: waits for the account's and the recipient's pacing slot, renders the message for its
     * channel and posts it once. Never throws for channel errors: they come back in the result, classified.
     *
     * @throws ResourceException if the account is not registered or the message cannot be rendered for it
     */
    SendResult send(OutboundMessage message) throws ResourceException;

    @Override
    void close() throws ResourceException;
}
