package com.parla.store.boundary;

import com.parla.store.entity.ChannelAccount;

/**
 * A store's channel account as its staff and systems see it: never its secrets.
 *
 * @param channel           {@code whatsapp}, {@code telegram}, {@code messenger}, {@code wechat}
 * @param webhookPath       where the channel posts to, under the connector's listener
 * @param messagesPerSecond its own send rate; 0 = the channel's default (WhatsApp 80 per number)
 */
public record ChannelAccountView(String channel, String accountKey, String displayName, String externalId,
                                 boolean enabled, int messagesPerSecond, String webhookPath) {

    static ChannelAccountView of(ChannelAccount account) {
        String channel = account.getChannel().wireName();
        return new ChannelAccountView(channel, account.getAccountKey(), account.getDisplayName(),
                account.getExternalId(), account.isEnabled(), account.getMessagesPerSecond(),
                "/webhooks/" + channel + "/" + account.getAccountKey());
    }
}
