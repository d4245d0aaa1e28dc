package com.parla.connector.inbound;

import com.parla.connector.api.InboundMessage;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.IllegalStateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The message endpoints bound to the adapter, keyed by factory and activation spec (JCA 13.4.2: one activation is
 * the pair), and the delivery of a message to those that listen to its channel.
 */
public final class EndpointDispatch implements Delivery {

    private static final Logger LOG = Logger.getLogger(EndpointDispatch.class.getName());

    private record EndpointKey(MessageEndpointFactory factory, ChannelActivationSpec spec) {
    }

    private final ResourceAdapter adapter;
    private final Map<EndpointKey, Boolean> endpoints = new ConcurrentHashMap<>();

    public EndpointDispatch(ResourceAdapter adapter) {
        this.adapter = adapter;
    }

    /**
     * @throws NotSupportedException if the spec is not this connector's, or was configured for another adapter
     * @throws IllegalStateException if this factory and spec are already active
     */
    public void activate(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof ChannelActivationSpec channelSpec)) {
            throw new NotSupportedException("Unsupported activation spec " + spec.getClass().getName());
        }
        if (spec.getResourceAdapter() != null && spec.getResourceAdapter() != adapter) {
            throw new NotSupportedException("The activation spec belongs to another resource adapter");
        }
        channelSpec.validate();
        if (endpoints.putIfAbsent(new EndpointKey(factory, channelSpec), Boolean.TRUE) != null) {
            throw new IllegalStateException("Endpoint already active: " + factory.getActivationName());
        }
        LOG.info(() -> "Endpoint bound: " + factory.getActivationName() + " channels=" + channelSpec.getChannels());
    }

    public void deactivate(MessageEndpointFactory factory, ActivationSpec spec) {
        if (spec instanceof ChannelActivationSpec channelSpec
                && endpoints.remove(new EndpointKey(factory, channelSpec)) != null) {
            LOG.info(() -> "Endpoint unbound: " + factory.getActivationName());
        }
    }

    public int size() {
        return endpoints.size();
    }

    public void clear() {
        endpoints.clear();
    }

    /**
     * Delivers to every endpoint in turn, each in one container transaction of its own with the messages of the
     * channels it listens to.
     */
    @Override
    public DeliveryOutcome deliver(List<InboundMessage> messages) {
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        List<EndpointKey> keys = List.copyOf(endpoints.keySet());
        Map<EndpointKey, EndpointDelivery> deliveries = new HashMap<>();
        for (EndpointKey key : keys) {
            List<InboundMessage> accepted = messages.stream().filter(m -> key.spec().accepts(m.channel())).toList();
            if (!accepted.isEmpty()) {
                EndpointDelivery delivery = new EndpointDelivery(key.factory(), accepted);
                delivery.run();
                deliveries.put(key, delivery);
            }
        }
        for (InboundMessage message : messages) {
            int listening = 0;
            int committed = 0;
            for (Map.Entry<EndpointKey, EndpointDelivery> delivery : deliveries.entrySet()) {
                if (delivery.getKey().spec().accepts(message.channel())) {
                    listening++;
                    committed += delivery.getValue().succeeded() ? 1 : 0;
                }
            }
            outcomes.add(new DeliveryOutcome(listening, committed));
        }
        return DeliveryOutcome.all(outcomes);
    }
}
