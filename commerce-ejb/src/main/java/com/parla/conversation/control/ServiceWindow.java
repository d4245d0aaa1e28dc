package com.parla.conversation.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The customer-service window: after a customer's message, WhatsApp and Messenger allow free-form replies for 24
 * hours, WeChat for 48; outside it only approved templates (or Messenger tags) may be sent. Telegram and the web
 * chat have no window.
 */
public final class ServiceWindow {

    private static final Map<String, Duration> LENGTH = Map.of(
            "whatsapp", Duration.ofHours(24),
            "messenger", Duration.ofHours(24),
            "wechat", Duration.ofHours(48));

    private ServiceWindow() {
    }

    public static boolean isOpen(String channel, Instant lastInboundAt, Instant now) {
        Duration length = LENGTH.get(channel);
        if (length == null) {
            return true;
        }
        return lastInboundAt != null && now.isBefore(lastInboundAt.plus(length));
    }

    /** When the window closes, or null for channels without one or when it was never opened. */
    public static Instant closesAt(String channel, Instant lastInboundAt) {
        Duration length = LENGTH.get(channel);
        return length == null || lastInboundAt == null ? null : lastInboundAt.plus(length);
    }
}
