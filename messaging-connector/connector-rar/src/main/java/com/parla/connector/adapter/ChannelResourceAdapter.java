package com.parla.connector.adapter;

import com.parla.connector.account.ChannelAccounts;
import com.parla.connector.api.AdapterStatus;
import com.parla.connector.api.InboundMessage;
import com.parla.connector.api.OutboundMessage;
import com.parla.connector.api.SendResult;
import com.parla.connector.inbound.ChannelActivationSpec;
import com.parla.connector.inbound.EndpointDelivery;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import javax.transaction.xa.XAResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The messaging-channel resource adapter. It owns the channel wire: inbound traffic is normalized and delivered to
 * the bound message endpoints on the container's WorkManager; outbound goes through
 * {@link com.parla.connector.outbound.ChannelManagedConnectionFactory}.
 */
@Connector(
        displayName = "Parla messaging channels",
        description = "WhatsApp, Telegram, Messenger, WeChat and web chat for Parla",
        vendorName = "Parla",
        eisType = "Messaging channels",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class ChannelResourceAdapter implements jakarta.resource.spi.ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(ChannelResourceAdapter.class.getName());

    private final Map<MessageEndpointFactory, ChannelActivationSpec> endpoints = new ConcurrentHashMap<>();
    private final ChannelAccounts accounts = new ChannelAccounts();
    private volatile WorkManager workManager;
    private volatile Instant startedAt;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        workManager = context.getWorkManager();
        startedAt = Instant.now();
        LOG.info("Parla messaging connector started");
    }

    @Override
    public void stop() {
        startedAt = null;
        endpoints.clear();
        LOG.info("Parla messaging connector stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof ChannelActivationSpec channelSpec)) {
            throw new NotSupportedException("Unsupported activation spec " + spec.getClass().getName());
        }
        endpoints.put(factory, channelSpec);
        LOG.info(() -> "Endpoint bound: " + factory.getActivationName() + " channels=" + channelSpec.getChannels());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        endpoints.remove(factory);
        LOG.info(() -> "Endpoint unbound: " + factory.getActivationName());
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public ChannelAccounts accounts() {
        return accounts;
    }

    public SendResult send(OutboundMessage message) throws ResourceException {
        throw new NotSupportedException("Sending is not wired yet");
    }

    public AdapterStatus status() {
        Instant started = startedAt;
        return new AdapterStatus(started != null, started, endpoints.size());
    }

    /**
     * Delivers a message to every endpoint that listens to its channel, each on a WorkManager thread in its own
     * container transaction, and waits for them.
     *
     * @return how many endpoints took the message without failing
     */
    public int deliver(InboundMessage message) throws ResourceException {
        if (startedAt == null) {
            throw new ResourceAdapterInternalException("The messaging connector is not started");
        }
        List<EndpointDelivery> deliveries = endpoints.entrySet().stream()
                .filter(e -> e.getValue().accepts(message.channel()))
                .map(e -> new EndpointDelivery(e.getKey(), message))
                .toList();
        for (EndpointDelivery delivery : deliveries) {
            try {
                workManager.doWork(delivery);
            } catch (WorkException e) {
                throw new ResourceAdapterInternalException("Could not schedule delivery", e);
            }
        }
        return (int) deliveries.stream().filter(EndpointDelivery::succeeded).count();
    }

    // The JCA spec asks a resource adapter to be a JavaBean with value-based equality; it has no config properties.
    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelResourceAdapter;
    }

    @Override
    public int hashCode() {
        return ChannelResourceAdapter.class.hashCode();
    }
}
