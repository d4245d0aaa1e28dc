package com.parla.connector.inbound.parse;

import com.parla.connector.api.Channel;

/** The parser of each channel; all are stateless and thread-safe, so one instance each is shared. */
public final class WebhookParsers {

    private static final WhatsAppWebhookParser WHATSAPP = new WhatsAppWebhookParser();
    private static final MessengerWebhookParser MESSENGER = new MessengerWebhookParser();
    private static final TelegramUpdateParser TELEGRAM = new TelegramUpdateParser();
    private static final WeChatMessageParser WECHAT = new WeChatMessageParser();

    private WebhookParsers() {
    }

    /** @throws IllegalArgumentException for a channel without a parser */
    public static WebhookParser forChannel(Channel channel) {
        if (channel == null) {
            throw new IllegalArgumentException("no channel given");
        }
        return switch (channel) {
            case WHATSAPP -> WHATSAPP;
            case MESSENGER -> MESSENGER;
            case TELEGRAM -> TELEGRAM;
            case WECHAT -> WECHAT;
            case WEBCHAT -> throw new IllegalArgumentException("no webhook parser for channel " + channel);
        };
    }

    /** The Telegram parser with its getUpdates entry point, for the poller. */
    public static TelegramUpdateParser telegram() {
        return TELEGRAM;
    }
}
