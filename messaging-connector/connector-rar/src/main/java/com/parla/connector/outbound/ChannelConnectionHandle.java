package com.parla.connector.outbound;

import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.IllegalStateException;

/** The application's handle on a {@link ChannelManagedConnection}: sending only; unusable once closed. */
class ChannelConnectionHandle implements ChannelConnection {

    private volatile ChannelManagedConnection managed;

    ChannelConnectionHandle(ChannelManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public SendResult send(OutboundMessage message) throws ResourceException {
        return open().send(message);
    }

    @Override
    public void close() {
        ChannelManagedConnection current = managed;
        if (current != null) {
            managed = null;
            current.handleClosed(this);
        }
    }

    void moveTo(ChannelManagedConnection other) {
        ChannelManagedConnection previous = managed;
        if (previous != null && previous != other) {
            previous.detach(this);
        }
        managed = other;
    }

    void invalidate() {
        managed = null;
    }

    private ChannelManagedConnection open() throws IllegalStateException {
        ChannelManagedConnection current = managed;
        if (current == null) {
            throw new IllegalStateException("The channel connection is closed");
        }
        return current;
    }
}
