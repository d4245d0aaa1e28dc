package com.parla.connector.inbound;

import com.parla.connector.api.Channel;
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
 * ({@link Channel#wireName()}) the endpoint wants, or {@code *} for all.
 */
@Activation(messageListeners = InboundMessageListener.class)
public class ChannelActivationSpec implements ActivationSpec {

    private static final String ALL = "*";

    private ResourceAdapter resourceAdapter;

    @ConfigProperty(defaultValue = ALL, description = "Channels this endpoint receives: comma-separated names or *")
    private String channels = ALL;

    public String getChannels() {
        return channels;
    }

    public void setChannels(String channels) {
        this.channels = channels;
    }

    public boolean accepts(Channel channel) {
        Set<String> names = channelNames();
        return names.contains(ALL) || names.contains(channel.wireName());
    }

    private Set<String> channelNames() {
        return channels == null ? Set.of() : Arrays.stream(channels.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    public void validate() throws InvalidPropertyException {
        Set<String> names = channelNames();
        if (names.isEmpty()) {
            throw new InvalidPropertyException("channels must name at least one channel, or *");
        }
        for (String name : names) {
            if (!name.equals(ALL) && Channel.ofWireName(name).isEmpty()) {
                throw new InvalidPropertyException("channels: no channel " + name + " (whatsapp, telegram, "
                        + "messenger, wechat, webchat or *)");
            }
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
