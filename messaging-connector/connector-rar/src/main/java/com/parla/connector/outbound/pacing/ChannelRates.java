package com.parla.connector.outbound.pacing;

import com.parla.connector.api.Channel;
import java.util.Optional;

/**
 * The channels' send rates (channels.md §1.9, §2.3, §3.3, §4.3), stated once: what an account may send per second
 * unless it is registered with its own rate, and the limit per recipient where the channel has one.
 */
final class ChannelRates {

    /** A limit per recipient: {@code perSecond} on average, {@code burst} at once after a quiet spell. */
    record PerRecipient(double perSecond, int burst) {
    }

    private ChannelRates() {
    }

    /** Messages per second per sending account: a WhatsApp number, a Telegram bot, a Messenger page, a WeChat OA. */
    static int accountRate(Channel channel) {
        return switch (channel) {
            case WHATSAPP -> 80;    // per registered number, until Meta upgrades it
            case TELEGRAM -> 30;    // bulk notifications per bot
            case MESSENGER -> 300;  // Send API calls per page for text
            case WECHAT -> 50;      // not published; kept well below the API's per-minute quota
            case WEBCHAT -> throw new IllegalArgumentException("the web chat is not sent by the connector");
        };
    }

    static Optional<PerRecipient> perRecipient(Channel channel) {
        return switch (channel) {
            // about one message per 6 s to the same user (131056 beyond), short bursts borrowed from later
            case WHATSAPP -> Optional.of(new PerRecipient(1.0 / 6, 10));
            // about one message per second per chat
            case TELEGRAM -> Optional.of(new PerRecipient(1.0, 3));
            default -> Optional.empty();
        };
    }
}
