package com.parla.connector.outbound.channel;

import com.parla.connector.api.ChannelAccountRegistration;
import com.parla.connector.api.OutboundMessage;

/** Renders a normalized message into one channel's send request. */
public interface ChannelRenderer {

    /**
     * @throws UnsupportedMessageException when the message cannot be shown on this channel or breaks its limits
     */
    ChannelRequest render(OutboundMessage message, ChannelAccountRegistration account);
}
