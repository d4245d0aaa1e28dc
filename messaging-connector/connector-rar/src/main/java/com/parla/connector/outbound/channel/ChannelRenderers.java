package com.parla.connector.outbound.channel;

import java.util.Map;

/** The renderer for a channel name (the {@code channel} of a ChannelAccountRegistration). Renderers are stateless. */
public final class ChannelRenderers {

    private static final Map<String, ChannelRenderer> RENDERERS = Map.of(
            "whatsapp", new WhatsAppRenderer(),
            "telegram", new TelegramRenderer(),
            "messenger", new MessengerRenderer(),
            "wechat", new WeChatRenderer());

    private ChannelRenderers() {
    }

    /** @throws IllegalArgumentException for a channel without a renderer */
    public static ChannelRenderer forChannel(String channel) {
        ChannelRenderer renderer = channel == null ? null : RENDERERS.get(channel);
        if (renderer == null) {
            throw new IllegalArgumentException("no renderer for channel " + channel);
        }
        return renderer;
    }
}
