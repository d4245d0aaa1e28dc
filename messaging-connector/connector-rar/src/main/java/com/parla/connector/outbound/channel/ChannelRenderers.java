package com.parla.connector.outbound.channel;

import com.parla.connector.api.Channel;
import java.util.Map;

/** The renderer of each channel the connector sends on. Renderers are stateless. */
public final class ChannelRenderers {

    private static final Map<Channel, ChannelRenderer> RENDERERS = Map.of(
            Channel.WHATSAPP, new WhatsAppRenderer(),
            Channel.TELEGRAM, new TelegramRenderer(),
            Channel.MESSENGER, new MessengerRenderer(),
            Channel.WECHAT, new WeChatRenderer());

    private ChannelRenderers() {
    }

    /** @throws IllegalArgumentException for a channel without a renderer */
    public static ChannelRenderer forChannel(Channel channel) {
        ChannelRenderer renderer = channel == null ? null : RENDERERS.get(channel);
        if (renderer == null) {
            throw new IllegalArgumentException("no renderer for channel " + channel);
        }
        return renderer;
    }
}
