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

    @Override
    void close() throws ResourceException;
}
