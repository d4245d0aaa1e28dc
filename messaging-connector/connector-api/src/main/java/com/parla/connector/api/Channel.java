package com.parla.connector.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The messaging channels, with the one rule of theirs the application acts on itself: the customer-service window
 * (after a customer's message, WhatsApp and Messenger allow free-form replies for 24 hours, WeChat for 48; outside
 * it only approved templates or tags; Telegram and the web chat have none). Send rates and error codes are the
 * connector's business.
 */
public enum Channel {
    WHATSAPP(Duration.ofHours(24)),
    TELEGRAM(null),
    MESSENGER(Duration.ofHours(24)),
    WECHAT(Duration.ofHours(48)),
    WEBCHAT(null);

    private final Duration serviceWindow;
    private final String wireName;

    Channel(Duration serviceWindow) {
        this.serviceWindow = serviceWindow;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The channel's name in webhook URLs, logs and stored rows: {@code whatsapp}, {@code telegram}, … */
    public String wireName() {
        return wireName;
    }

    /** @return the channel of that wire name, if there is one */
    public static Optional<Channel> ofWireName(String wireName) {
        for (Channel channel : values()) {
            if (channel.wireName.equals(wireName)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** How long free-form replies are allowed after the customer's last message; empty: always. */
    public Optional<Duration> serviceWindow() {
        return Optional.ofNullable(serviceWindow);
    }

    /** Whether a free-form reply may go now, after the customer last wrote at {@code lastInboundAt} (null: never). */
    public boolean windowOpen(Instant lastInboundAt, Instant now) {
        return serviceWindow == null || lastInboundAt != null && now.isBefore(lastInboundAt.plus(serviceWindow));
    }

    /** When the window opened by {@code lastInboundAt} closes; null for channels without one or if never opened. */
    public Instant windowClosesAt(Instant lastInboundAt) {
        return serviceWindow == null || lastInboundAt == null ? null : lastInboundAt.plus(serviceWindow);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
