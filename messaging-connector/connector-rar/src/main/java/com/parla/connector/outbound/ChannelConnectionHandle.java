package com.parla.connector.outbound;

import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.ChannelConnection;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.IllegalStateException;
import java.time.Instant;

/** The application's handle on a {@link ChannelManagedConnection}; unusable once closed. */
class ChannelConnectionHandle implements ChannelConnection {

    private volatile ChannelManagedConnection managed;

    ChannelConnectionHandle(ChannelManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public AdapterStatus status() throws ResourceException {
        return open().adapter().status();
    }

    @Override
    public int deliverProbe(String probeId) throws ResourceException {
        if (probeId == null || probeId.isBlank()) {
            throw new ResourceException("A probe needs an id");
        }
        InboundMessage probe = InboundMessage.builder(InboundMessage.PROBE_CHANNEL, "connector", probeId,
                InboundMessage.Kind.PROBE).sender("connector").text("probe " + probeId).receivedAt(Instant.now()).build();
        return open().adapter().deliver(probe);
    }

    @Override
    public void register(ChannelAccountRegistration account) throws ResourceException {
        open().adapter().register(account);
    }

    @Override
    public void unregister(String accountKey) throws ResourceException {
        open().adapter().unregister(accountKey);
    }

    @Override
    public SendResult send(OutboundMessage message) throws ResourceException {
        return open().adapter().send(message);
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
