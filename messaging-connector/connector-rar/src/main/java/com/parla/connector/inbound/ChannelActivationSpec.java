package com.parla.connector.inbound;

import com.parla.connector.api.InboundMessageListener;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a message-driven bean binds to the connector. {@code channels} is a comma-separated list of channel names
 * the endpoint wants, or {@code *} for all.
 */
@Activation(messageListeners = InboundMessageListener.class)
public class ChannelActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @ConfigProperty(defaultValue = "*", description = "Channels this endpoint receives: comma-separated names or *")
    private String channels = "*";

    public String getChannels() {
        return channels;
    }

    public void setChannels(String channels) {
        this.channels = channels;
    }

    public boolean accepts(String channel) {
        return channelNames().contains("*") || channelNames().contains(channel);
    }

    private Set<String> channelNames() {
        return Arrays.stream(channels.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (channels == null || channelNames().isEmpty()) {
            throw new InvalidPropertyException("channels must name at least one channel, or *");
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }
}
